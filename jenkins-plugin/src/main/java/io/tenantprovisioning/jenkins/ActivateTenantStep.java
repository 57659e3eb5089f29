package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import io.tenantprovisioning.request.Slug;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** Marks a validated tenant ACTIVE and sends the notifications; returns the new state. */
public final class ActivateTenantStep extends TenantStep {

    private final String tenant;

    @DataBoundConstructor
    public ActivateTenantStep(String tenant) {
        this.tenant = tenant;
    }

    public String getTenant() { return tenant; }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::activate);
    }

    String activate(StepContext context) throws Exception {
        return operations().call(context, (ops, log) -> {
            String state = ops.activate(Slug.of(tenant), log);
            log.line("[tenant-provisioning] " + tenant + " is " + state);
            return state;
        });
    }

    @Extension
    @Symbol("activateTenant")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "activateTenant";
        }

        @Override
        public String getDisplayName() {
            return "Activate a validated tenant and notify its owner";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
