package io.tenantprovisioning.registry;

/** A live tenant (not offboarded, rolled back or rejected) already has this slug. */
public final class TenantAlreadyExistsException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    public TenantAlreadyExistsException(String slug, String detail) {
        super("tenant '" + slug + "' already exists" + detail
                + "; a new request for it is possible once it is offboarded, rolled back or rejected");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
