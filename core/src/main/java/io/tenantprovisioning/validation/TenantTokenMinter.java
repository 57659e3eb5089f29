package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;

/** Issues a short-lived bearer token for a tenant (with its own signing key), for checks that query as it. */
@FunctionalInterface
public interface TenantTokenMinter {

    String mint(TenantAccess tenant) throws Exception;
}
