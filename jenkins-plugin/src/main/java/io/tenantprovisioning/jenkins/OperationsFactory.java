package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.application.TenantOperations;

/**
 * Opens the engine's operations for one step. The seam between the steps and core: Jenkins uses
 * {@link EngineOperationsFactory}, the glue tests a recorded fake.
 */
@FunctionalInterface
public interface OperationsFactory {

    /**
     * @param settings the controller's configuration (secrets included), never the build's environment
     * @return operations for this one step; closed afterwards when they are {@link AutoCloseable}
     */
    TenantOperations open(Settings settings) throws Exception;
}
