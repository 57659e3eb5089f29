package io.tenantprovisioning.testing;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;

/** A kind's create and configure phases one after the other, as an engine runs them. */
public final class KindPhases {

    private KindPhases() {
    }

    /** The resource created and configured: what a test of a ready resource needs. */
    public static CreatedResource createAndConfigure(ResourceDriver driver, TenantResourceSpec spec)
            throws ResourceException {
        return driver.configure(spec, driver.create(spec)).resource();
    }
}
