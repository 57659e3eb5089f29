package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;

/**
 * Supplies the second tenant the isolation check tests against: another active tenant, or a
 * short-lived canary tenant created for the purpose. The returned {@link PeerTenant}'s cleanup is
 * always run by the check, whatever happens in between.
 */
@FunctionalInterface
public interface PeerTenantSource {

    PeerTenant acquire(TenantAccess self) throws Exception;

    /** A source that always returns the given existing tenant (nothing to clean up). */
    static PeerTenantSource existing(TenantAccess peer) {
        return self -> PeerTenant.existing(peer);
    }
}
