package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.application.ApprovalResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordApprovalStepTest {

    private final StepRunner runner = new StepRunner();

    @Test
    void recordsTheDecisionAndReturnsWhatIsStillPending() throws Exception {
        runner.ops.approval = new ApprovalResult("req-1", "acme-corp", "PENDING_APPROVAL", List.of(ApproverGroup.CTO));
        RecordApprovalStep step = new RecordApprovalStep("req-1", "cfo", "carol", "approved");
        step.setComment("within plan");
        runner.build().inputAnsweredBy("carol");

        FakeStepContext ctx = runner.run(step);

        assertThat(runner.ops.calls).containsExactly("recordApproval req-1 CFO carol APPROVED within plan");
        assertThat(ctx.result()).isEqualTo(Map.of("requestId", "req-1", "slug", "acme-corp",
                "state", "PENDING_APPROVAL", "stillPending", List.of("CTO")));
        assertThat(ctx.log()).contains("CFO APPROVED by carol");
    }

    @Test
    void theDecisionNamesThePlanTheApproverWasShown() throws Exception {
        runner.ops.approval = new ApprovalResult("req-1", "acme-corp", "APPROVED", List.of());
        RecordApprovalStep step = new RecordApprovalStep("req-1", "CFO", "carol", "APPROVED");
        step.setPlanSha256(" " + "cd".repeat(32) + " ");
        runner.build().inputAnsweredBy("carol");

        FakeStepContext ctx = runner.run(step);

        assertThat(ctx.failure()).isNull();
        assertThat(runner.ops.calls).containsExactly("recordApproval req-1 CFO carol APPROVED  on plan "
                + "cd".repeat(32));
        assertThat(ctx.log()).contains("on plan " + "cd".repeat(32));
    }

    @Test
    void aRejectionIsRecordedAsSuch() throws Exception {
        runner.ops.approval = new ApprovalResult("req-1", "acme-corp", "REJECTED", List.of());

        FakeStepContext ctx = runner.run(new RecordApprovalStep("req-1", "LEGAL", "lee", "REJECTED"));

        assertThat(runner.ops.calls).containsExactly("recordApproval req-1 LEGAL lee REJECTED ");
        assertThat(((Map<?, ?>) ctx.result()).get("state")).isEqualTo("REJECTED");
    }

    @Test
    void anApprovalIsRecordedForTheUserJenkinsAuthenticatedAtTheInput() throws Exception {
        runner.ops.approval = new ApprovalResult("req-1", "acme-corp", "APPROVED", List.of());
        runner.build().inputAnsweredBy("mallory").inputAnsweredBy("carol");

        FakeStepContext ctx = runner.run(new RecordApprovalStep("req-1", "CFO", "Carol", "APPROVED"));

        assertThat(ctx.failure()).isNull();
        // Jenkins' spelling of the user, and where the identity came from
        assertThat(runner.ops.calls).containsExactly("recordApproval req-1 CFO carol APPROVED ");
        assertThat(runner.ops.approverSources).containsExactly("jenkins:input-submitter");
        assertThat(ctx.log()).contains("CFO APPROVED by carol (jenkins:input-submitter)");
    }

    @Test
    void anApproverWhoAnsweredNoInputOfTheBuildIsRefusedAndNothingIsRecorded() throws Exception {
        FakeStepContext noInput = runner.run(new RecordApprovalStep("req-1", "CFO", "cfo-boss", "APPROVED"));
        runner.build().inputAnsweredBy("mallory");
        FakeStepContext someoneElse = runner.run(new RecordApprovalStep("req-1", "CFO", "carol", "APPROVED"));

        assertThat(noInput.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("approver 'cfo-boss' did not answer an input of this build (nobody did)");
        assertThat(someoneElse.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("approver 'carol' did not answer an input of this build (answered by mallory)");
        assertThat(runner.ops.calls).isEmpty();
    }

    @Test
    void aRejectionIsRecordedAsThePipelineReportsItAndMarkedSo() throws Exception {
        runner.ops.approval = new ApprovalResult("req-1", "acme-corp", "REJECTED", List.of());

        runner.run(new RecordApprovalStep("req-1", "CFO", "timeout", "REJECTED"));

        assertThat(runner.ops.calls).containsExactly("recordApproval req-1 CFO timeout REJECTED ");
        assertThat(runner.ops.approverSources).containsExactly("jenkins:pipeline-rejection");
    }

    @Test
    void anUnknownDecisionOrGroupFailsBeforeAnythingIsRecorded() throws Exception {
        FakeStepContext badDecision = runner.run(new RecordApprovalStep("req-1", "CFO", "carol", "maybe"));
        FakeStepContext badGroup = runner.run(new RecordApprovalStep("req-1", "CEO", "carol", "APPROVED"));

        assertThat(badDecision.failure()).isInstanceOf(AbortException.class)
                .hasMessage("decision: 'maybe' is not one of APPROVED, REJECTED");
        assertThat(badGroup.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("group: 'CEO' is not one of");
        assertThat(runner.ops.calls).isEmpty();
    }
}
