package io.tenantprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.validation.report.ValidationRun;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Runs the validation suite, writes its JUnit XML and HTML reports into the workspace, and fails
 * (after writing them, so {@code junit} can still publish) when a critical check did not pass.
 */
public final class ValidateTenantStep extends TenantStep {

    private final String tenant;
    private String junit;
    private String html;

    @DataBoundConstructor
    public ValidateTenantStep(String tenant) {
        this.tenant = tenant;
    }

    public String getTenant() { return tenant; }
    public String getJunit() { return junit != null ? junit : "reports/tenant-validation-" + tenant + ".xml"; }
    public String getHtml() { return html != null ? html : "reports/tenant-validation-" + tenant + ".html"; }

    /*
     * A blank path means "not set" (the default path), as the Snippet Generator sends an empty field; a path that
     * leaves the workspace is refused.
     */
    @DataBoundSetter public void setJunit(String junit) { this.junit = blank(junit) ? null : new WorkspaceReport(junit).relativePath(); }
    @DataBoundSetter public void setHtml(String html) { this.html = blank(html) ? null : new WorkspaceReport(html).relativePath(); }

    private static boolean blank(String path) {
        return path == null || path.isBlank();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TenantStepExecution<>(context, this::validate);
    }

    Map<String, Object> validate(StepContext context) throws Exception {
        return operations().call(context, (ops, log) -> {
            ValidationRun run = ops.validate(Slug.of(tenant), log);
            FilePath workspace = context.get(FilePath.class);
            new WorkspaceReport(getJunit()).write(workspace, run.junitXml());
            // the page links its stylesheet: Jenkins serves archived files under a CSP that drops inline styles
            WorkspaceReport html = new WorkspaceReport(getHtml());
            html.write(workspace, run.linkedHtml());
            WorkspaceReport css = html.sibling(HtmlPage.STYLESHEET);
            css.write(workspace, HtmlPage.stylesheet());
            log.line(run.consoleTable());
            log.line("[tenant-provisioning] " + run.slug() + ": " + run.checksPassed() + "/" + run.checksTotal()
                    + " checks passed; reports: " + getJunit() + ", " + getHtml() + " (with " + css.relativePath() + ")");
            if (!run.passed() || !run.blockingFailures().isEmpty()) {
                throw new AbortException("validation of " + run.slug() + " failed (" + run.checksPassed() + "/"
                        + run.checksTotal() + " passed):\n  - " + String.join("\n  - ", run.blockingFailures()));
            }
            return PipelineValues.validation(run, getJunit(), getHtml(), css.relativePath());
        });
    }

    @Extension
    @Symbol("validateTenant")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "validateTenant";
        }

        @Override
        public String getDisplayName() {
            return "Validate a tenant and write its JUnit and HTML reports";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class, FilePath.class);
        }
    }
}
