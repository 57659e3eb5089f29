package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.InMemorySecretVault;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-tenant state key: generated once, kept in the vault, unique, and only in TF_ENCRYPTION. */
class StateEncryptionTest {

    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final StateEncryption encryption = new StateEncryption(vault);

    @Test
    void aTenantGetsItsOwnRandomKeyOnceAndKeepsIt() {
        Slug a = Slug.of("acme-corp");
        Slug b = Slug.of("hooli-inc");

        Secret first = encryption.keyFor(a);
        assertThat(encryption.keyFor(a).reveal()).isEqualTo(first.reveal());
        assertThat(vault.get(a, StateEncryption.VAULT_NAME)).map(Secret::reveal).contains(first.reveal());
        assertThat(Base64.getDecoder().decode(first.reveal())).hasSize(32);
        assertThat(encryption.keyFor(b).reveal()).isNotEqualTo(first.reveal());
        assertThat(encryption.existingKey(Slug.of("never-applied"))).isEmpty();
    }

    @Test
    void theConfigurationEnforcesEncryptionOfStateAndPlansAndTravelsOnlyAsASecret() {
        Secret key = Secret.of("c2VjcmV0LXN0YXRlLWtleS1mb3ItdGVzdHMtb25seQ==");
        var env = StateEncryption.environment(key);

        assertThat(env).containsOnlyKeys("TF_ENCRYPTION");
        String config = env.get("TF_ENCRYPTION").reveal();
        assertThat(config).contains("key_provider \"pbkdf2\"", "method \"aes_gcm\"", "passphrase = \"" + key.reveal())
                .containsSubsequence("state {", "enforced = true", "plan {", "enforced = true");
        assertThat(List.of(env.toString(), env.get("TF_ENCRYPTION").toString())).noneMatch(s -> s.contains(key.reveal()));
    }

    @Test
    void aTimedOutApplyNamesTheResourcesStartedAndNotFinished() {
        List<UiEvent> events = List.of(
                new UiEvent.ApplyHook(UiEvent.ApplyHook.Phase.START, "module.object_store.aws_s3_bucket.tenant", "create", 0, "", ""),
                new UiEvent.ApplyHook(UiEvent.ApplyHook.Phase.START, "module.object_store.aws_iam_user.tenant", "create", 0, "", ""),
                new UiEvent.ApplyHook(UiEvent.ApplyHook.Phase.COMPLETE, "module.object_store.aws_iam_user.tenant", "create", 1, "", ""),
                new UiEvent.ApplyHook(UiEvent.ApplyHook.Phase.PROGRESS, "module.object_store.aws_s3_bucket.tenant", "create", 10, "", ""));

        assertThat(UiEvent.inProgress(events)).containsExactly("module.object_store.aws_s3_bucket.tenant");
        assertThat(new TerraformTimeoutException("apply", java.time.Duration.ofSeconds(5), true,
                UiEvent.inProgress(events), "")).hasMessageContaining("still in progress: module.object_store.aws_s3_bucket.tenant");
    }
}
