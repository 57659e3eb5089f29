package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import java.util.List;

/**
 * Tries, with tenant {@code self}'s own credentials, to reach tenant {@code other}'s data on one
 * backend. Returns one line per attempt that succeeded when it must not have (empty = isolated).
 * Every probe must be shown to go red when isolation is broken on purpose.
 */
public interface IsolationProbe {

    /** "postgres", "redis", "object-store", "vector". */
    String backend();

    List<String> violations(TenantAccess self, TenantAccess other) throws Exception;
}
