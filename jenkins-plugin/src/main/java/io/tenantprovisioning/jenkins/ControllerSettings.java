package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.Settings;

/**
 * The tool's settings for one step, as the controller is configured now. Never the build's environment:
 * a Jenkinsfile controls that ({@code withEnv}, {@code environment {}}), and may choose request values
 * only. Jenkins' is {@link TenantProvisioningConfiguration#current()}; tests give settings of their own.
 */
@FunctionalInterface
public interface ControllerSettings {

    Settings settings() throws Exception;
}
