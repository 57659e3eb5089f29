package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.request.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApproveBudgetStepTest {

    private final StepRunner runner = new StepRunner();

    private static ApproveBudgetStep step() {
        return new ApproveBudgetStep("Acme Corp", "Gold", "ap-south-1", "2500000", "owner@acme.example");
    }

    @Test
    void passesEveryFieldToTheEngineAndReturnsThePlainRoute() throws Exception {
        runner.ops.submission = new SubmissionResult("req-1", "acme-corp", false, List.of(
                new ApprovalStep(ApproverGroup.CFO, "budget ₹2500000 ≥ auto-approve threshold ₹1000000"),
                new ApprovalStep(ApproverGroup.CTO, "Gold tier above the auto-approve threshold")),
                75_000L, "PENDING_APPROVAL", false);
        ApproveBudgetStep step = step();
        step.setClassification("PII");
        step.setJurisdiction("DPDPA");
        step.setCrossBorder(true);
        step.setCostCenter("CC_ACME");
        step.setApproverGroups(List.of(new GroupApprovers("cfo", "finance-approvers")));

        FakeStepContext ctx = runner.run(step);

        assertThat(ctx.failure()).isNull();
        var draft = runner.ops.draft;
        assertThat(List.of(draft.name(), draft.tier(), draft.region(), draft.budget(), draft.ownerEmail(),
                draft.classification(), draft.jurisdiction(), draft.costCenter()))
                .containsExactly("Acme Corp", "Gold", "ap-south-1", "2500000", "owner@acme.example", "PII", "DPDPA",
                        "CC_ACME");
        assertThat(draft.crossBorderTransfer()).isTrue();
        assertThat(ctx.result()).isEqualTo(Map.ofEntries(Map.entry("requestId", "req-1"),
                Map.entry("slug", "acme-corp"), Map.entry("autoApproved", false), Map.entry("monthlyCost", 75_000L),
                Map.entry("state", "PENDING_APPROVAL"), Map.entry("engine", "direct"), Map.entry("planSha256", ""),
                Map.entry("planSummary", List.of()), Map.entry("planText", "Route: CFO, CTO; cost ₹75000/month\n"
                        + "Plan: the direct engine saves none; it creates the request plan's resources (tenantctl plan)"),
                Map.entry("route", List.of(
                        Map.of("group", "CFO", "reason", "budget ₹2500000 ≥ auto-approve threshold ₹1000000",
                                "submitters", "finance-approvers"),
                        Map.of("group", "CTO", "reason", "Gold tier above the auto-approve threshold",
                                "submitters", "tenant-approvers-cto")))));
        assertThat(runner.ops.calls).containsExactly("submit Acme Corp", "planForApproval req-1 DIRECT");
        assertThat(ctx.log()).contains("request req-1 for acme-corp", "needs 2 approval(s)");
        assertThat(runner.ops.closed).isTrue();
    }

    @Test
    void withTheTerraformEngineTheApproversSeeTheSavedPlanItsCostAndRoute() throws Exception {
        runner.ops.submission = new SubmissionResult("req-4", "acme-corp", false, List.of(
                new ApprovalStep(ApproverGroup.CFO, "budget over the threshold")), 75_000L, "PENDING_APPROVAL", false);
        String sha = "ab".repeat(32);
        runner.ops.plan = new PlanForApproval("req-4", "acme-corp", "terraform", sha,
                List.of("+ create  aws_s3_bucket.tenant", "1 to create, 0 to update, 0 to replace, 0 to delete"), false);
        ApproveBudgetStep step = step();
        step.setEngine("terraform");

        FakeStepContext ctx = runner.run(step);

        assertThat(ctx.failure()).isNull();
        assertThat(runner.ops.calls).containsExactly("submit Acme Corp", "planForApproval req-4 TERRAFORM");
        Map<?, ?> result = (Map<?, ?>) ctx.result();
        assertThat(result.get("engine")).isEqualTo("terraform");
        assertThat(result.get("planSha256")).isEqualTo(sha);
        assertThat(result.get("planSummary")).isEqualTo(runner.ops.plan.summary());
        assertThat(result.get("planText")).isEqualTo("Route: CFO; cost ₹75000/month\nPlan (terraform) SHA-256 " + sha
                + ":\n  + create  aws_s3_bucket.tenant\n  1 to create, 0 to update, 0 to replace, 0 to delete");
        assertThat(ctx.log()).contains("saved plan " + sha);
    }

    @Test
    void theBuildIsTheRequesterAndItsIdAndStartTheIdempotencyKeyUnlessNamed() throws Exception {
        runner.ops.submission = new SubmissionResult("req-2", "acme-corp", true, List.of(), 25_000L, "APPROVED", false);

        FakeStepContext ctx = runner.run(step());

        assertThat(runner.ops.requester).isEqualTo("jenkins:tenants/provision#42");
        assertThat(runner.ops.draft.idempotencyKey()).isEqualTo("tenants-provision-42-" + StepRunner.SCHEDULED_AT);
        assertThat(((Map<?, ?>) ctx.result()).get("autoApproved")).isEqualTo(true);
        assertThat(((Map<?, ?>) ctx.result()).get("route")).isEqualTo(List.of());

        // requestedBy only confirms the user Jenkins says started the build
        runner.startedBy("alice");
        ApproveBudgetStep named = step();
        named.setRequestedBy("alice");
        runner.run(named);
        assertThat(runner.ops.requester).isEqualTo("alice");
    }

    @Test
    void theRequesterIsTheUserWhoStartedTheBuildAndSaysSo() throws Exception {
        runner.ops.submission = new SubmissionResult("req-3", "acme-corp", true, List.of(), 25_000L, "APPROVED", false);
        runner.startedBy("alice");

        runner.run(step());

        assertThat(runner.ops.requester).isEqualTo("alice");
        assertThat(runner.ops.requesterSource).isEqualTo("jenkins:build-user");
    }

    @Test
    void aPipelineCannotNameAnotherRequester() throws Exception {
        runner.startedBy("alice");
        ApproveBudgetStep forged = step();
        forged.setRequestedBy("mallory");

        FakeStepContext ctx = runner.run(forged);

        assertThat(ctx.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("requestedBy 'mallory' is not the user who started this build (alice)");
        assertThat(runner.ops.calls).isEmpty();
    }

    @Test
    void aBuildNoPersonStartedCannotBeGivenARequesterEither() throws Exception {
        ApproveBudgetStep forged = step();
        forged.setRequestedBy("alice");

        FakeStepContext ctx = runner.run(forged);

        assertThat(ctx.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("no person started this build")
                .hasMessageContaining("(jenkins:tenants/provision#42) is the requester");
        assertThat(runner.ops.calls).isEmpty();
    }

    /**
     * BUILD_TAG is the job's name and the build's number, which come back when a job is deleted and created
     * again: build #7 of the new job must not replay build #7 of the old one. The key is per build.
     */
    @Test
    void aRecreatedJobsBuildGetsItsOwnKey() {
        RecordedBuild old = RecordedBuild.of("team a/provision", 7, 1_796_000_000_000L, "alice");
        RecordedBuild recreated = RecordedBuild.of("team a/provision", 7, 1_796_500_000_000L, "alice");

        String key = BuildIdentity.of(old).idempotencyKey();
        assertThat(key).isEqualTo("team-a-provision-7-1796000000000")
                .isNotEqualTo(BuildIdentity.of(recreated).idempotencyKey());
        assertThat(BuildIdentity.of(RecordedBuild.of("team a/provision", 7, 1_796_000_000_000L, "alice"))
                .idempotencyKey()).as("the same build asking again").isEqualTo(key);
    }

    @Test
    void aBuildIdTooLongToBeAKeyIsHashedNotCut() {
        String a = BuildIdentity.of(RecordedBuild.of("f/".repeat(70) + "a", 1, 1L, null)).idempotencyKey();
        String b = BuildIdentity.of(RecordedBuild.of("f/".repeat(70) + "b", 1, 1L, null)).idempotencyKey();
        assertThat(a).startsWith("jenkins-sha256-").hasSize(15 + 64).isNotEqualTo(b);
        assertThat(BuildIdentity.of(null).requester()).isEqualTo("jenkins");
        assertThat(BuildIdentity.of(null).idempotencyKey()).isNull();
    }

    /** What structs does with a step argument; a Map it cannot describe (Snippet Generator, Steps Reference). */
    @Test
    void approverGroupsAreAListOfDescribableEntries() {
        ApproveBudgetStep step = step();
        step.setApproverGroups(List.of(new GroupApprovers("cfo", " finance-approvers "), new GroupApprovers("CTO", "cto")));

        assertThat(step.submitter("CFO")).isEqualTo("finance-approvers");
        assertThat(step.submitter("LEGAL")).isEqualTo("tenant-approvers-legal");
        assertThatThrownBy(() -> new GroupApprovers("CEO", "x")).hasMessageContaining("'CEO' is not one of");
        assertThatThrownBy(() -> new GroupApprovers("CFO", " ")).hasMessageContaining("CFO names no submitters");
        assertThatThrownBy(() -> step.setApproverGroups(List.of(new GroupApprovers("CFO", "a"),
                new GroupApprovers("cfo", "b")))).hasMessageContaining("CFO is named twice");
    }

    @Test
    void anInvalidRequestFailsTheStepWithEveryProblemAndNoStackTrace() throws Exception {
        runner.ops.failure = new InvalidRequestException(List.of("tier: 'Platinum' is not one of Gold, Silver, Bronze",
                "budget: '-5' is not a whole number of rupees"));

        FakeStepContext ctx = runner.run(step());

        assertThat(ctx.failure()).isInstanceOf(AbortException.class).hasNoCause()
                .hasMessageContainingAll("invalid tenant request", "tier: 'Platinum'", "budget: '-5'");
        assertThat(runner.ops.closed).isTrue();
    }

    @Test
    void anUnknownApproverGroupIsRefusedWhenTheStepIsConfigured() {
        assertThatThrownBy(() -> step().setApproverGroups(List.of(new GroupApprovers("CFOO", "finance"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'CFOO' is not one of");
    }
}
