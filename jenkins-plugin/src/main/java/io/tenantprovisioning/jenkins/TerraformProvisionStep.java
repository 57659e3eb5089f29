package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.ProvisioningResult;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Provisions and configures an approved request; returns the recorded non-secret outputs. The engine
 * rolls back its own partial work before it fails the step.
 */
public final class TerraformProvisionStep extends TenantStep {

    private final String requestId;
    private String engine;

    @DataBoundConstructor
    public TerraformProvisionStep(String requestId) {
        this.requestId = requestId;
    }

    public String getRequestId() { return requestId; }
    public String getEngine() { return engine; }

    /** {@code terraform} or {@code direct} (default: the controller's ENGINE setting, itself default direct). */
    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = engine == null || engine.isBlank() ? null : EngineKind.parse(engine).name();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::provision);
    }

    Map<String, Object> provision(StepContext context) throws Exception {
        return operations().call(context, (ops, log) -> {
            // the default engine is the controller's ENGINE, not the build environment's
            EngineKind kind = EngineKind.parse(engine != null ? engine : operations().setting(Setting.ENGINE));
            log.line("[tenant-provisioning] provisioning request " + requestId + " with the " + kind + " engine");
            ProvisioningResult.Provisioned result = ops.provision(requestId, kind, log);
            log.line("[tenant-provisioning] " + result.slug() + " is " + result.state());
            return PipelineValues.outputs(result.outputs());
        });
    }

    @Extension
    @Symbol("terraformProvision")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "terraformProvision";
        }

        @Override
        public String getDisplayName() {
            return "Provision and configure an approved tenant";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
