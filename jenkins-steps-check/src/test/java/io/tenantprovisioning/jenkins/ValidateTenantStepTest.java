package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.validation.report.ValidationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateTenantStepTest {

    @TempDir
    Path workspace;

    private final StepRunner runner = new StepRunner();

    private static ValidationRun run(boolean passed, List<String> blocking) {
        return new ValidationRun("acme-corp", passed, passed ? 8 : 7, 8, blocking,
                "<testsuite name=\"acme-corp\"/>", "<html>acme-corp</html>", "<html>acme-corp linked</html>", "{}",
                "CHECK  RESULT\nrls    PASS");
    }

    @Test
    void writesBothReportsIntoTheWorkspaceAndReturnsTheSummary() throws Exception {
        runner.ops.validation = run(true, List.of());
        ValidateTenantStep step = new ValidateTenantStep("acme-corp");
        step.setJunit("reports/junit/acme.xml");

        FakeStepContext ctx = runner.workspace(workspace).run(step);

        assertThat(ctx.failure()).isNull();
        assertThat(workspace.resolve("reports/junit/acme.xml")).hasContent("<testsuite name=\"acme-corp\"/>");
        assertThat(workspace.resolve("reports/tenant-validation-acme-corp.html")).hasContent("<html>acme-corp linked</html>");
        assertThat(workspace.resolve("reports/tenant-report.css")).hasContent(HtmlPage.stylesheet());
        assertThat(ctx.result()).isEqualTo(Map.of("slug", "acme-corp", "passed", true, "checksPassed", 8,
                "checksTotal", 8, "blockingFailures", List.of(), "junit", "reports/junit/acme.xml",
                "html", "reports/tenant-validation-acme-corp.html", "stylesheet", "reports/tenant-report.css"));
        assertThat(ctx.log()).contains("rls    PASS", "8/8 checks passed");
        // through the workspace's channel, so on the agent that holds it, not on the controller
        assertThat(ctx.agent().ran()).contains("write " + workspace.resolve("reports/junit/acme.xml"),
                "write " + workspace.resolve("reports/tenant-validation-acme-corp.html"));
    }

    @Test
    void aFailedCriticalCheckFailsTheStepAfterTheReportsAreWritten() throws Exception {
        runner.ops.validation = run(false, List.of("tenant_isolation_db: t_other read 3 rows of t_acme_corp"));

        FakeStepContext ctx = runner.workspace(workspace).run(new ValidateTenantStep("acme-corp"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class)
                .hasMessageContainingAll("validation of acme-corp failed (7/8 passed)",
                        "tenant_isolation_db: t_other read 3 rows of t_acme_corp");
        assertThat(workspace.resolve("reports/tenant-validation-acme-corp.xml")).exists();
        assertThat(workspace.resolve("reports/tenant-validation-acme-corp.html")).exists();
    }

    @Test
    void reportPathsMustStayInsideTheWorkspace() {
        ValidateTenantStep step = new ValidateTenantStep("acme-corp");
        for (String bad : List.of("../escape.xml", "reports/../../x.xml", "/etc/x.xml", "C:\\x.xml")) {
            assertThatThrownBy(() -> step.setJunit(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> step.setHtml(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        step.setHtml("reports/..hidden/ok.html");
        assertThat(step.getHtml()).isEqualTo("reports/..hidden/ok.html");
    }

    /** The Snippet Generator sends an empty field for an argument left blank: that is "not set", not an error. */
    @Test
    void aBlankReportPathMeansTheDefault() {
        ValidateTenantStep step = new ValidateTenantStep("acme-corp");
        step.setJunit("");
        step.setHtml("  ");

        assertThat(step.getJunit()).isEqualTo("reports/tenant-validation-acme-corp.xml");
        assertThat(step.getHtml()).isEqualTo("reports/tenant-validation-acme-corp.html");
        step.setJunit("reports/a.xml");
        step.setJunit(null);
        assertThat(step.getJunit()).isEqualTo("reports/tenant-validation-acme-corp.xml");
    }

    @Test
    void anInvalidSlugFailsBeforeTheEngineIsAsked() throws Exception {
        FakeStepContext ctx = runner.workspace(workspace).run(new ValidateTenantStep("Acme Corp"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class).hasMessageContaining("slug: 'Acme Corp' must match");
        assertThat(runner.ops.calls).isEmpty();
        try (var files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }
    }
}
