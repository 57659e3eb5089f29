package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.TaskListener;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** Rolls a tenant back and sweeps; fails while the sweep still finds anything of the tenant. */
public final class RollbackTenantStep extends TenantStep {

    private final String tenant;

    @DataBoundConstructor
    public RollbackTenantStep(String tenant) {
        this.tenant = tenant;
    }

    public String getTenant() { return tenant; }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::rollback);
    }

    Map<String, Object> rollback(StepContext context) throws Exception {
        return operations().call(context, (ops, log) -> {
            RollbackResult result = ops.rollback(Slug.of(tenant), log);
            result.compensationErrors().forEach(e -> log.line("[tenant-provisioning] compensation error: " + e));
            if (!result.complete()) {
                throw new AbortException("rollback of " + result.slug() + " is incomplete (" + result.state()
                        + "); the sweep still finds:\n  - " + String.join("\n  - ", result.survivors())
                        + "\nrun `tenantctl rollback " + result.slug() + "` again once the cause is fixed");
            }
            log.line("[tenant-provisioning] " + result.summary());
            return PipelineValues.rollback(result);
        });
    }

    @Extension
    @Symbol("rollbackTenant")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "rollbackTenant";
        }

        @Override
        public String getDisplayName() {
            return "Roll a tenant back and prove nothing is left";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class);
        }
    }
}
