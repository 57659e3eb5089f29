package io.tenantprovisioning.application;

/**
 * Thrown by {@link TenantOperations#provision} and the provisioning job when the run's thread was
 * interrupted mid-provisioning (see {@link ProvisioningResult.Interrupted}): the tenant was left as it
 * stands for one rollback by whoever interrupted it. The thread's interrupt flag is set again.
 */
public final class ProvisioningInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProvisioningInterruptedException(ProvisioningResult.Interrupted interrupted) {
        super(interrupted.message());
    }
}
