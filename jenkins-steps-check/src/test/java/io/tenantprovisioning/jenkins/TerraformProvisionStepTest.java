package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.tenantprovisioning.application.ProvisioningResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformProvisionStepTest {

    private final StepRunner runner = new StepRunner();

    @Test
    void provisionsWithTheNamedEngineStreamsProgressAndReturnsTheOutputs() throws Exception {
        runner.ops.provisioning = new ProvisioningResult.Provisioned("acme-corp",
                Map.of("postgres.schema", "t_acme_corp", "redis.user", "t_acme-corp"));
        runner.ops.progress.add("apply: 6 added, 0 changed, 0 destroyed");
        TerraformProvisionStep step = new TerraformProvisionStep("req-1");
        step.setEngine("terraform");

        FakeStepContext ctx = runner.run(step);

        assertThat(runner.ops.calls).containsExactly("provision req-1 TERRAFORM");
        assertThat(ctx.result()).isEqualTo(Map.of("postgres.schema", "t_acme_corp", "redis.user", "t_acme-corp"));
        assertThat(ctx.log()).contains("[tenant-provisioning] test: apply: 6 added", "acme-corp is VALIDATING");
    }

    @Test
    void withoutAnEngineArgumentTheControllersEngineSettingDecidesAndDefaultsToDirect() throws Exception {
        runner.ops.provisioning = new ProvisioningResult.Provisioned("acme-corp", Map.of());
        // the build's environment is no setting: ENGINE there changes nothing
        runner.env("ENGINE", "terraform").run(new TerraformProvisionStep("req-1"));
        runner.controller(io.tenantprovisioning.config.Setting.ENGINE, "terraform")
                .run(new TerraformProvisionStep("req-2"));

        assertThat(runner.ops.calls).containsExactly("provision req-1 DIRECT", "provision req-2 TERRAFORM");
    }

    @Test
    void anUnknownEngineIsRefusedWhenTheStepIsConfigured() {
        assertThatThrownBy(() -> new TerraformProvisionStep("req-1").setEngine("pulumi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine 'pulumi' is not one of direct, terraform");
    }

    @Test
    void aProvisioningFailureFailsTheStepWithTheEnginesMessage() throws Exception {
        runner.ops.failure = new IllegalStateException("request req-1 is PENDING_APPROVAL, not APPROVED");

        FakeStepContext ctx = runner.run(new TerraformProvisionStep("req-1"));

        assertThat(ctx.failure()).isInstanceOf(AbortException.class)
                .hasMessage("request req-1 is PENDING_APPROVAL, not APPROVED");
    }
}
