package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.tenantprovisioning.application.ChangePlan;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.approval.ApprovalPolicy;
import io.tenantprovisioning.cost.CostModel;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.validation.ValidationReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requestTenantChange and applyTenantChange as glue: arguments in, one engine call, pipeline values and reports out. */
class TenantChangeStepsTest {

    private static final TierCatalog TIERS = TierCatalog.load();

    @TempDir
    Path workspace;

    private final StepRunner runner = new StepRunner();

    private static ChangePlan silverToGold() {
        Slug slug = Slug.of("acme-corp");
        TenantRequest before = TestRequests.request(TestRequests.draft(slug, "silver", 500_000, null));
        TenantRequest after = TestRequests.request(TestRequests.draft(slug, "gold", 500_000, null));
        CostModel cost = new CostModel(25_000, TIERS);
        return new ChangePlan("acme-corp", 2, before, after, FieldChange.between(before, after),
                TIERS.config(before.tier()), TIERS.config(after.tier()), List.of(),
                List.of("tag Tier Silver → Gold on every resource"), cost.estimate(before), cost.estimate(after),
                ApprovalPolicy.defaults().routeForChange(before, after));
    }

    @Test
    void requestTenantChangeKeepsBlankArgumentsAndReturnsTheRouteWithItsSubmitters() throws Exception {
        runner.ops.changeRequest = new UpdateResult.AwaitingApproval(silverToGold(), "3f0c-request");
        RequestTenantChangeStep step = new RequestTenantChangeStep("acme-corp");
        step.setTier("gold");
        step.setBudget("  ");
        step.setApproverGroups(java.util.List.of(new GroupApprovers("cto", "alice")));

        FakeStepContext ctx = runner.startedBy("bob").run(step);

        assertThat(ctx.failure()).isNull();
        assertThat(runner.ops.calls).containsExactly("requestChange acme-corp tier=gold budget=null");
        assertThat(runner.ops.requester).isEqualTo("bob");
        assertThat(runner.ops.requesterSource).isEqualTo("jenkins:build-user");
        Map<?, ?> result = (Map<?, ?>) ctx.result();
        assertThat(result.get("requestId")).isEqualTo("3f0c-request");
        assertThat(result.get("version")).isEqualTo(2);
        assertThat(result.get("autoApproved")).isEqualTo(false);
        assertThat(result.get("route")).isEqualTo(List.of(Map.of("group", "CTO",
                "reason", "upgrade from Silver to Gold", "submitters", "alice")));
        assertThat(result.get("changes")).isEqualTo(List.of("tier: SILVER → GOLD"));
        assertThat(result.get("planSha256")).as("the direct engine saves no plan").isEqualTo("");
        assertThat((Long) result.get("monthlyCost")).isGreaterThan((Long) result.get("monthlyCostBefore"));
        assertThat(ctx.log()).contains("change v2 of acme-corp (request 3f0c-request)", "needs [CTO]");
    }

    @Test
    void requestTenantChangeShowsTheChangesTerraformPlanToItsApprovers() throws Exception {
        String sha = "ab".repeat(32);
        List<String> summary = List.of("~ update  module.object_store.aws_s3_bucket.tenant",
                "0 to create, 1 to update, 0 to replace, 0 to delete");
        runner.ops.changeRequest = new UpdateResult.AwaitingApproval(silverToGold().withEnginePlan(
                new PlanForApproval("3f0c-request", "acme-corp", "terraform", sha, summary, false)), "3f0c-request");

        FakeStepContext ctx = runner.startedBy("bob").run(new RequestTenantChangeStep("acme-corp"));

        assertThat(ctx.failure()).isNull();
        Map<?, ?> result = (Map<?, ?>) ctx.result();
        assertThat(result.get("planSha256")).as("recordApproval sends it back: decisions bind to it").isEqualTo(sha);
        assertThat(result.get("planSummary")).isEqualTo(summary);
        assertThat((String) result.get("planText")).as("the input message").contains("Change v2: tier: SILVER → GOLD",
                "Plan (terraform) SHA-256 " + sha, "~ update  module.object_store.aws_s3_bucket.tenant");
    }

    @Test
    void applyTenantChangeWritesTheReValidationReportsAndReturnsTheVersion() throws Exception {
        ValidationReport report = new ValidationReport("acme-corp", "Gold", Instant.now(), Instant.now(), List.of());
        runner.ops.changeApplied = new UpdateResult.Applied(silverToGold(), "3f0c-request", report);

        FakeStepContext ctx = runner.workspace(workspace).startedBy("bob").run(new ApplyTenantChangeStep("acme-corp"));

        assertThat(ctx.failure()).isNull();
        assertThat(runner.ops.calls).containsExactly("applyChange acme-corp as bob");
        assertThat(workspace.resolve("reports/tenant-update-acme-corp.xml")).content().contains("<testsuite");
        assertThat(workspace.resolve("reports/tenant-update-acme-corp.html")).content().contains("<html");
        assertThat(ctx.result()).isEqualTo(Map.of("slug", "acme-corp", "version", 2, "state", "APPLIED",
                "junit", "reports/tenant-update-acme-corp.xml", "html", "reports/tenant-update-acme-corp.html"));
    }

    @Test
    void aChangeThatWasUndoneFailsTheStepAfterWritingTheReports() throws Exception {
        ValidationReport report = new ValidationReport("acme-corp", "Gold", Instant.now(), Instant.now(), List.of());
        runner.ops.changeApplied = new UpdateResult.Restored(silverToGold(), "3f0c-request",
                "re-validation failed: cross-tenant-isolation", report, List.of(), report);

        FakeStepContext ctx = runner.workspace(workspace).run(new ApplyTenantChangeStep("acme-corp"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class).hasMessageContainingAll(
                "change v2 of acme-corp failed", "the previous configuration was restored",
                "re-validation failed: cross-tenant-isolation");
        assertThat(workspace.resolve("reports/tenant-update-acme-corp.xml")).exists();
    }
}
