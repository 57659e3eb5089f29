package io.tenantprovisioning.application;

/**
 * Thrown by {@link TenantOperations#provision} (the Jenkins port, where a failed step is an exception)
 * when provisioning failed; the tenant was already rolled back by {@link RollbackHandler}, and
 * {@link #rollback()} says whether that rollback is complete.
 */
public final class ProvisioningFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RollbackResult rollback;

    public ProvisioningFailedException(ProvisioningResult.RolledBack failure) {
        super(failure.message());
        this.rollback = failure.rollback();
    }

    public RollbackResult rollback() {
        return rollback;
    }
}
