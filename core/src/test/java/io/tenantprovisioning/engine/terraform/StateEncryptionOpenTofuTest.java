package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTofu's state encryption on the real binary and the pg backend, with the provider-free root (whose
 * state holds a sensitive {@code api_token}): the stored row holds no secret and no readable state, and
 * a wrong key is refused by tofu, changing nothing; the right key works again after.
 */
@Tag("opentofu")
class StateEncryptionOpenTofuTest {

    @TempDir
    Path work;

    private TerraformEngineFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TerraformEngineFixture(work);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theStoredStateIsEncryptedAndAWrongKeyChangesNothing() throws Exception {
        Slug slug = fx.slug();
        TerraformEngine engine = fx.engine(FailurePoints.none());
        engine.provision(TestTenants.spec(slug, Tier.BRONZE), new RecordingJournal(), fx.progress());

        String stored = storedState(slug);
        Secret token = fx.vault.get(slug, TerraformEngine.OUTPUT_PREFIX + "api_token").orElseThrow();
        assertThat(stored).doesNotContain(token.reveal(), fx.settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD)
                .reveal(), "\"resources\"", "terraform_data", slug.value()).contains("encrypted_data");
        assertThat(engine.stateList(slug, fx.progress())).contains("terraform_data.api_token");

        Secret right = fx.vault.get(slug, StateEncryption.VAULT_NAME).orElseThrow();
        fx.vault.put(slug, StateEncryption.VAULT_NAME, Secret.of("not-the-tenants-state-key-0000"));
        assertThatThrownBy(() -> engine.stateList(slug, fx.progress())).hasMessageContaining("decrypt");
        assertThatThrownBy(() -> engine.drift(slug, fx.progress())).hasMessageContaining("decrypt");
        assertThat(storedState(slug)).as("nothing changed").isEqualTo(stored);

        fx.vault.put(slug, StateEncryption.VAULT_NAME, right);
        assertThat(engine.drift(slug, fx.progress())).as("re-plan right after apply").isEmpty();
        assertThat(engine.destroy(slug, fx.progress())).isEmpty();
        assertThat(fx.workspaceExists(slug)).isFalse();
    }

    private String storedState(Slug slug) throws Exception {
        try (Connection c = fx.registryConnection();
             PreparedStatement ps = c.prepareStatement("SELECT data FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("state row of t-" + slug).isTrue();
                return rs.getString(1);
            }
        }
    }
}
