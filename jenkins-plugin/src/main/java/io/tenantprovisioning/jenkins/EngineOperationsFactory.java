package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.operations.TenantOperations;

/**
 * The production wiring: the engine's {@link TenantOperations} built from the step's settings.
 *
 * <p>The one line to change when core's implementation lands is marked below; everything else in
 * the plugin only sees the {@link OperationsFactory} interface.
 */
public final class EngineOperationsFactory implements OperationsFactory {

    @Override
    public TenantOperations open(Settings settings) throws AbortException {
        // WIRING POINT: return core's TenantOperations implementation built from `settings`.
        throw new AbortException("tenant-provisioning: this plugin build has no engine wired in "
                + "(EngineOperationsFactory); build it from a core that provides TenantOperations");
    }
}
