package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.application.TenantOperations;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;

/**
 * The production wiring: core's {@link TenantPlatform} built from the step's settings. Everything
 * else in the plugin only sees the {@link OperationsFactory} interface. Each step's own progress
 * goes to the build log through the listener it passes per call; platform-wide events (log-only
 * notifications) are not tied to a build, so they are dropped here.
 */
public final class EngineOperationsFactory implements OperationsFactory {

    @Override
    public TenantOperations open(Settings settings, Actor operator) throws AbortException {
        return TenantPlatform.open(settings, ProgressListener.silent(), operator);
    }
}
