package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.Actor;
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
     * @param operator who acts: the user who started the build (or the build itself), recorded on every
     *                 lifecycle move the step makes
     * @return operations for this one step; closed afterwards when they are {@link AutoCloseable}
     */
    TenantOperations open(Settings settings, Actor operator) throws Exception;
}
