package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.TaskListener;
import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.application.TenantOperations;
import io.tenantprovisioning.request.InvalidRequestException;
import java.util.EnumMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs one engine call for a step: settings from the build's {@link EnvVars} (global environment,
 * {@code environment {}}, {@code withCredentials}), progress to the build log with secrets masked,
 * and every engine failure turned into an {@link AbortException} (message only, masked).
 */
public final class OperationsProvider {

    private final OperationsFactory factory;

    public OperationsProvider(OperationsFactory factory) {
        this.factory = factory;
    }

    /** The provider Jenkins uses: core's engine. */
    public static OperationsProvider engine() {
        return new OperationsProvider(new EngineOperationsFactory());
    }

    /** One step's work against the engine. */
    @FunctionalInterface
    public interface Call<T> {
        T apply(TenantOperations operations, BuildLog log) throws Exception;
    }

    public <T> T call(StepContext context, Call<T> call) throws Exception {
        EnvVars env = context.get(EnvVars.class);
        TaskListener listener = context.get(TaskListener.class);
        SecretMask mask = SecretMask.of(env);
        BuildLog log = new BuildLog(listener.getLogger(), mask);
        TenantOperations operations = open(env, mask);
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

    /** Only the settings tenantctl knows are read; everything else in the environment is ignored. */
    static Settings settings(Map<String, String> environment) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.name());
            if (value != null && !value.isBlank()) {
                values.put(setting, value);
            }
        }
        return Settings.of(values);
    }

    private TenantOperations open(EnvVars env, SecretMask mask) throws AbortException {
        try {
            return factory.open(settings(env));
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
