package io.tenantprovisioning.registry;

/** Another run holds the tenant's run lock; this run did not start and changed nothing. */
public final class RunInProgressException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    public RunInProgressException(String slug, String holder) {
        super("another run for tenant '" + slug + "' is in progress (" + holder
                + "); wait for it to finish, or check that process if it seems stuck");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
