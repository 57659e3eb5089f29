package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
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
        step.setApproverGroups(Map.of("cfo", "finance-approvers"));

        FakeStepContext ctx = runner.run(step);

        assertThat(ctx.failure()).isNull();
        var draft = runner.ops.draft;
        assertThat(List.of(draft.name(), draft.tier(), draft.region(), draft.budget(), draft.ownerEmail(),
                draft.classification(), draft.jurisdiction(), draft.costCenter()))
                .containsExactly("Acme Corp", "Gold", "ap-south-1", "2500000", "owner@acme.example", "PII", "DPDPA",
                        "CC_ACME");
        assertThat(draft.crossBorderTransfer()).isTrue();
        assertThat(ctx.result()).isEqualTo(Map.of(
                "requestId", "req-1", "slug", "acme-corp", "autoApproved", false, "monthlyCost", 75_000L,
                "state", "PENDING_APPROVAL",
                "route", List.of(
                        Map.of("group", "CFO", "reason", "budget ₹2500000 ≥ auto-approve threshold ₹1000000",
                                "submitters", "finance-approvers"),
                        Map.of("group", "CTO", "reason", "Gold tier above the auto-approve threshold",
                                "submitters", "tenant-approvers-cto"))));
        assertThat(ctx.log()).contains("request req-1 for acme-corp", "needs 2 approval(s)");
        assertThat(runner.ops.closed).isTrue();
    }

    @Test
    void theBuildIsTheRequesterAndItsTagTheIdempotencyKeyUnlessNamed() throws Exception {
        runner.ops.submission = new SubmissionResult("req-2", "acme-corp", true, List.of(), 25_000L, "APPROVED", false);

        FakeStepContext ctx = runner.run(step());

        assertThat(runner.ops.requester).isEqualTo("jenkins:jenkins-tenants-provision-42");
        assertThat(runner.ops.draft.idempotencyKey()).isEqualTo("jenkins-tenants-provision-42");
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
                .hasMessageContaining("(jenkins:jenkins-tenants-provision-42) is the requester");
        assertThat(runner.ops.calls).isEmpty();
    }

    @Test
    void aBuildTagThatCannotBeAKeyIsMadeSafeNotCut() {
        assertThat(BuildIdentity.of(Map.of("BUILD_TAG", "jenkins-team a/prov #7")).idempotencyKey())
                .isEqualTo("jenkins-team-a-prov--7");
        assertThat(BuildIdentity.of(Map.of("BUILD_TAG", "x".repeat(129))).idempotencyKey()).isNull();
        assertThat(BuildIdentity.of(Map.of()).requester()).isEqualTo("jenkins");
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
        assertThatThrownBy(() -> step().setApproverGroups(Map.of("CFOO", "finance")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'CFOO' is not one of");
    }
}
