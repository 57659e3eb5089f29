package io.tenantprovisioning.application;

/** Provisioning failed and was rolled back; {@link #teardown()} says whether the rollback is complete. */
public final class ProvisioningFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TeardownResult teardown;

    public ProvisioningFailedException(String slug, String reason, TeardownResult teardown, Throwable cause) {
        super("provisioning of tenant '" + slug + "' failed: " + reason + "; "
                + (teardown.complete() ? "rolled back, the sweep found nothing left"
                : "rollback INCOMPLETE, survivors: " + teardown.sweep().survivors()), cause);
        this.teardown = teardown;
    }

    public TeardownResult teardown() {
        return teardown;
    }
}
