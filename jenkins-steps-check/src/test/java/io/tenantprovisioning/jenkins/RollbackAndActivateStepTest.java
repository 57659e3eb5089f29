package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.model.TenantState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackAndActivateStepTest {

    private final StepRunner runner = new StepRunner();

    @Test
    void aCompleteRollbackSucceedsAndReportsCompensationErrors() throws Exception {
        runner.ops.rollback = new RollbackResult.RolledBack("acme-corp", List.of("redis: already gone"));

        FakeStepContext ctx = runner.run(new RollbackTenantStep("acme-corp"));

        assertThat(runner.ops.calls).containsExactly("rollback acme-corp");
        assertThat(ctx.result()).isEqualTo(Map.of("slug", "acme-corp", "state", "ROLLED_BACK", "complete", true,
                "compensationErrors", List.of("redis: already gone"), "survivors", List.of(), "nothingApplied", false,
                "summary", "acme-corp is ROLLED_BACK; the sweep found nothing left"));
        assertThat(ctx.log()).contains("compensation error: redis: already gone", "the sweep found nothing left");
    }

    @Test
    void aTenantWithNothingAppliedIsANoOpSuccessThatSaysWhy() throws Exception {
        runner.ops.rollback = new RollbackResult.NothingApplied("acme-corp", TenantState.PENDING_APPROVAL);

        FakeStepContext ctx = runner.run(new RollbackTenantStep("acme-corp"));

        assertThat(ctx.failure()).isNull();
        assertThat(ctx.result()).isEqualTo(Map.of("slug", "acme-corp", "state", "PENDING_APPROVAL", "complete", true,
                "compensationErrors", List.of(), "survivors", List.of(), "nothingApplied", true,
                "summary", "acme-corp is PENDING_APPROVAL and nothing was applied for it (no resource in its journal"
                        + " was created): nothing to roll back; the request is left as it is"));
        assertThat(ctx.log()).contains("nothing to roll back; the request is left as it is");
    }

    @Test
    void survivorsFailTheStepAndAreListed() throws Exception {
        runner.ops.rollback = new RollbackResult.Incomplete("acme-corp", List.of(),
                List.of("s3/tenant-acme-corp", "postgres/t_acme_corp"));

        FakeStepContext ctx = runner.run(new RollbackTenantStep("acme-corp"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class)
                .hasMessageContainingAll("rollback of acme-corp is incomplete (ROLLBACK_FAILED)",
                        "s3/tenant-acme-corp", "postgres/t_acme_corp", "tenantctl rollback acme-corp");
    }

    @Test
    void activationReturnsTheNewState() throws Exception {
        FakeStepContext ctx = runner.run(new ActivateTenantStep("acme-corp"));

        assertThat(runner.ops.calls).containsExactly("activate acme-corp");
        assertThat(ctx.result()).isEqualTo("ACTIVE");
        assertThat(ctx.log()).contains("acme-corp is ACTIVE");
    }

    @Test
    void anEngineFailureDuringActivationFailsTheStepAndStillClosesTheEngine() throws Exception {
        runner.ops.failure = new IllegalStateException("acme-corp is VALIDATING with failed checks");

        FakeStepContext ctx = runner.run(new ActivateTenantStep("acme-corp"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class).hasMessage("acme-corp is VALIDATING with failed checks");
        assertThat(runner.ops.closed).isTrue();
    }
}
