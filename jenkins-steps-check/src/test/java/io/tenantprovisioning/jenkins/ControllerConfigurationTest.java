package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The controller's global configuration: plain settings, secrets only by credential id, no test hooks. */
class ControllerConfigurationTest {

    private final Map<String, String> store = Map.of("registry-db", "pg-Secr3t", "redis", "r3dis");

    @Test
    void plainSettingsAndSecretsFromTheCredentialsStore() {
        Settings settings = ControllerConfiguration.parse("""
                # production
                REGISTRY_DB_HOST = db.internal
                AUTO_APPROVE_THRESHOLD=1000000
                """, "REGISTRY_DB_PASSWORD=registry-db\nREDIS_PASSWORD=redis\n")
                .settings(id -> Optional.ofNullable(store.get(id)));

        assertThat(settings.string(Setting.REGISTRY_DB_HOST)).isEqualTo("db.internal");
        assertThat(settings.string(Setting.AUTO_APPROVE_THRESHOLD)).isEqualTo("1000000");
        assertThat(settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal()).isEqualTo("pg-Secr3t");
        assertThat(settings.requiredSecret(Setting.REDIS_PASSWORD).reveal()).isEqualTo("r3dis");
    }

    @Test
    void aSecretInPlainTextATestHookAndAnUnknownNameAreRefusedTogether() {
        assertThatThrownBy(() -> ControllerConfiguration.parse("""
                REDIS_PASSWORD=in-plain-text
                TENANTCTL_FAIL_AT=activate
                TENANTCTL_FAULTS=driver-create:*=fail
                NOT_A_SETTING=1
                ENGINE
                """, "REGISTRY_DB_HOST=registry-db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REDIS_PASSWORD is a secret")
                .hasMessageContaining("TENANTCTL_FAIL_AT is a test hook")
                .hasMessageContaining("TENANTCTL_FAULTS is a test hook")
                .hasMessageContaining("'NOT_A_SETTING' is not a tenantctl setting")
                .hasMessageContaining("'ENGINE' has no value")
                .hasMessageContaining("REGISTRY_DB_HOST is not a secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("in-plain-text"));
    }

    @Test
    void aMissingCredentialIsNamedNeverGuessed() {
        ControllerConfiguration config = ControllerConfiguration.parse("", "REDIS_PASSWORD=gone");

        assertThatThrownBy(() -> config.settings(id -> Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REDIS_PASSWORD: no Secret text credential 'gone'");
    }

    @Test
    void aStepFailsClearlyWhenTheControllerIsNotConfigured() throws Exception {
        StepRunner runner = new StepRunner().env("REGISTRY_DB_HOST", "from-the-build");
        RecordedOperations ops = runner.ops;
        FakeStepContext ctx = runner.failingController(new ConfigurationException(
                "Tenant Provisioning global configuration:\n  - REDIS_PASSWORD: no Secret text credential 'gone'"))
                .run(new ActivateTenantStep("acme-corp"));

        assertThat(ctx.failure()).hasMessageContaining("no Secret text credential 'gone'");
        assertThat(ops.calls).as("the engine was never opened").isEmpty();
        assertThat(ops.settings).isNull();
    }
}
