package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import java.time.Duration;

/**
 * One of the eight checks. A check talks to the real service with the tenant's own credentials and
 * must be able to fail: it returns {@link CheckOutcome.Failed} (or Warning for non-critical checks)
 * with a message a person can act on. Exceptions are reported as failures by the suite.
 */
public interface ValidationCheck {

    /** Stable id used in reports and JUnit test names, e.g. {@code cross-tenant-isolation}. */
    String id();

    String displayName();

    Duration timeout();

    /** A failed critical check blocks activation (and triggers rollback during provisioning). */
    boolean critical();

    CheckOutcome run(TenantAccess tenant) throws Exception;
}
