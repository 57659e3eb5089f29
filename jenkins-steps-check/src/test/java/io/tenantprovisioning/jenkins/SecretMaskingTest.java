package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.application.ProvisioningResult;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets of the controller's configuration reach the engine but never the build log or a step failure. */
class SecretMaskingTest {

    private static final String DB_PASSWORD = "pg-Secr3t-for-registry";
    private static final String WEBHOOK = "https://hooks.example/T000/B000/XXXXXXXX";

    private final StepRunner runner = new StepRunner()
            .controller(Setting.REGISTRY_DB_PASSWORD, DB_PASSWORD)
            .controller(Setting.SLACK_WEBHOOK_URL, WEBHOOK)
            .controller(Setting.REGISTRY_DB_HOST, "db.internal");

    @Test
    void theControllersCredentialsReachTheEngineSettings() throws Exception {
        runner.ops.provisioning = new ProvisioningResult.Provisioned("acme-corp", Map.of());

        runner.run(new TerraformProvisionStep("req-1"));

        assertThat(runner.ops.settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal()).isEqualTo(DB_PASSWORD);
        assertThat(runner.ops.settings.string(Setting.REGISTRY_DB_HOST)).isEqualTo("db.internal");
        assertThat(runner.ops.settings.optional(Setting.ENGINE)).contains("direct");
    }

    @Test
    void aSecretInAProgressLineIsMaskedInTheBuildLog() throws Exception {
        runner.ops.provisioning = new ProvisioningResult.Provisioned("acme-corp", Map.of());
        runner.ops.progress.add("connecting with password " + DB_PASSWORD + " and posting to " + WEBHOOK);

        FakeStepContext ctx = runner.run(new TerraformProvisionStep("req-1"));

        assertThat(ctx.log()).doesNotContain(DB_PASSWORD).doesNotContain(WEBHOOK)
                .contains("connecting with password **** and posting to ****");
    }

    @Test
    void aSecretInAnEngineFailureIsMaskedAndTheCauseIsNotCarried() throws Exception {
        runner.ops.failure = new RuntimeException("login failed for tenantctl_admin/" + DB_PASSWORD,
                new IOException("wrapped " + DB_PASSWORD));

        FakeStepContext ctx = runner.run(new ActivateTenantStep("acme-corp"));

        assertThat(ctx.failure()).hasMessage("RuntimeException: login failed for tenantctl_admin/****").hasNoCause();
        assertThat(ctx.log()).doesNotContain(DB_PASSWORD);
    }

    @Test
    void longerSecretsAreMaskedFirstSoNoPartIsLeft() {
        SecretMask mask = SecretMask.of(Map.of("REDIS_PASSWORD", "abc", "TENANT_SECRETS_KEY", "abcdef",
                "REGISTRY_DB_HOST", "abc-not-secret"));

        assertThat(mask.apply("k=abcdef p=abc")).isEqualTo("k=**** p=****");
        assertThat(mask.apply(null)).isEmpty();
    }
}
