package io.tenantprovisioning.registry;

/** No tenant (or request) in the registry matches what was asked for. */
public final class UnknownTenantException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public UnknownTenantException(String message) {
        super(message);
    }
}
