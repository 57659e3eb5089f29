package io.tenantprovisioning.jenkins;

import hudson.model.Run;

import io.tenantprovisioning.approval.Actor;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.application.TenantOperations;
import io.tenantprovisioning.request.InvalidRequestException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs one engine call for a step: settings from the controller's configuration ({@link ControllerSettings},
 * never the build's {@code EnvVars}, which the Jenkinsfile controls), progress to the build log with the
 * configured secrets masked, and every engine failure turned into an {@link AbortException} (message only,
 * masked).
 */
public final class OperationsProvider {

    private final OperationsFactory factory;
    private final ControllerSettings controller;

    public OperationsProvider(OperationsFactory factory, ControllerSettings controller) {
        this.factory = factory;
        this.controller = controller;
    }

    /** The provider Jenkins uses: core's engine, configured by the controller's global configuration. */
    public static OperationsProvider engine() {
        return new OperationsProvider(new EngineOperationsFactory(), TenantProvisioningConfiguration::current);
    }

    /** One step's work against the engine. */
    @FunctionalInterface
    public interface Call<T> {
        T apply(TenantOperations operations, BuildLog log) throws Exception;
    }

    public <T> T call(StepContext context, Call<T> call) throws Exception {
        TaskListener listener = context.get(TaskListener.class);
        Settings settings = controllerSettings();
        SecretMask mask = SecretMask.of(settings);
        BuildLog log = new BuildLog(listener.getLogger(), mask);
        TenantOperations operations = open(settings, BuildIdentity.of(context.get(Run.class)).requesterActor(), mask);
        try {
            return call.apply(operations, log);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw userFacing(e, mask);
        } finally {
            close(operations, log);
        }
    }

    /** The controller's value of a setting, or its default (e.g. the ENGINE a step uses when it names none). */
    public String setting(Setting setting) throws AbortException {
        return controllerSettings().optional(setting).orElse(setting.defaultValue());
    }

    private Settings controllerSettings() throws AbortException {
        try {
            return controller.settings();
        } catch (Exception e) {
            // nothing known to mask yet: the configuration's own errors name settings and ids, never values
            throw userFacing(e, SecretMask.of(Map.of()));
        }
    }

    private TenantOperations open(Settings settings, Actor operator, SecretMask mask) throws AbortException {
        try {
            return factory.open(settings, operator);
        } catch (Exception e) {
            throw userFacing(e, mask);
        }
    }

    /** Message only, never the cause: a cause's message could carry a secret the mask does not know. */
    static AbortException userFacing(Exception e, SecretMask mask) {
        String message;
        if (e instanceof InvalidRequestException invalid) {
            message = "invalid tenant request:\n  - " + String.join("\n  - ", invalid.problems());
        } else if (e instanceof AbortException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof ConfigurationException) {
            message = e.getMessage();
        } else {
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new AbortException(mask.apply(message));
    }

    private static void close(TenantOperations operations, BuildLog log) {
        if (operations instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.line("[tenant-provisioning] warning: closing the engine failed: " + e.getMessage());
            }
        }
    }
}
