package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.Reports;
import io.tenantprovisioning.validation.report.ValidationRun;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Applies a serving tenant's approved change in place and re-validates it, writing the re-validation's
 * JUnit XML and HTML into the workspace; fails (after writing them) when the change was undone.
 */
public final class ApplyTenantChangeStep extends TenantStep {

    private final String tenant;
    private String junit;
    private String html;

    @DataBoundConstructor
    public ApplyTenantChangeStep(String tenant) {
        this.tenant = tenant;
    }

    public String getTenant() { return tenant; }
    public String getJunit() { return junit != null ? junit : "reports/tenant-update-" + tenant + ".xml"; }
    public String getHtml() { return html != null ? html : "reports/tenant-update-" + tenant + ".html"; }

    @DataBoundSetter public void setJunit(String junit) { this.junit = new WorkspaceReport(junit).relativePath(); }
    @DataBoundSetter public void setHtml(String html) { this.html = new WorkspaceReport(html).relativePath(); }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::apply);
    }

    Map<String, Object> apply(StepContext context) throws Exception {
        BuildIdentity build = BuildIdentity.of(context.get(Run.class));
        return operations().call(context, (ops, log) -> {
            UpdateResult result = ops.applyChange(Slug.of(tenant), build.requesterActor(), log);
            ValidationReport report = result instanceof UpdateResult.Applied a ? a.report()
                    : ((UpdateResult.Restored) result).report();
            if (report != null) {
                ValidationRun run = Reports.toRun(report);
                FilePath workspace = context.get(FilePath.class);
                new WorkspaceReport(getJunit()).write(workspace, run.junitXml());
                new WorkspaceReport(getHtml()).write(workspace, run.html());
                log.line(run.consoleTable());
            }
            if (result instanceof UpdateResult.Restored r) {
                throw new AbortException("change v" + r.plan().version() + " of " + tenant + " failed and "
                        + (r.restoreErrors().isEmpty() ? "the previous configuration was restored: "
                        : "restoring it was incomplete (" + String.join("; ", r.restoreErrors()) + "): ") + r.reason());
            }
            log.line("[tenant-provisioning] " + tenant + " serves on configuration v" + result.plan().version());
            return PipelineValues.applied(result, getJunit(), getHtml());
        });
    }

    @Extension
    @Symbol("applyTenantChange")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "applyTenantChange";
        }

        @Override
        public String getDisplayName() {
            return "Apply a tenant's approved change in place and re-validate it";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class, FilePath.class);
        }
    }
}
