package io.tenantprovisioning.rag;

import io.tenantprovisioning.request.Slug;

/** Verifies a bearer token (the JWT of a tenant) and says which tenant it belongs to. */
@FunctionalInterface
public interface TenantTokenVerifier {

    /** The tenant the token was issued to, or a rejection saying why (without echoing the token). */
    Slug verify(String bearerToken) throws TokenRejectedException;
}
