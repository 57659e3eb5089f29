package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The vault decorator targets the kind prefixing a secret's name, fails before the call, never shows a secret. */
class FaultInjectingVaultTest {

    private static final Slug SLUG = Slug.of("acme-corp");
    private static final Secret PASSWORD = Secret.of("hunter2-very-secret");

    /** One tenant's secrets in a map; enough for a decorator test. */
    static final class MapVault implements SecretVault {
        final Map<String, Secret> secrets = new ConcurrentHashMap<>();

        @Override
        public void put(Slug slug, String name, Secret value) {
            secrets.put(name, value);
        }

        @Override
        public Optional<Secret> get(Slug slug, String name) {
            return Optional.ofNullable(secrets.get(name));
        }

        @Override
        public Map<String, Secret> all(Slug slug) {
            return Map.copyOf(secrets);
        }

        @Override
        public void delete(Slug slug, String name) {
            secrets.remove(name);
        }

        @Override
        public void deleteAll(Slug slug) {
            secrets.clear();
        }

        @Override
        public Set<Slug> tenants() {
            return secrets.isEmpty() ? Set.of() : Set.of(SLUG);
        }
    }

    private final MapVault vault = new MapVault();

    private SecretVault armed(String spec) {
        return new FaultInjectingVault(vault, FaultPlan.parse(spec));
    }

    @Test
    void delegatesEverythingWhenNothingMatches() {
        SecretVault wrapped = armed("vault-put:redis=fail,vault-read:redis=fail,vault-delete:redis=fail");
        wrapped.put(SLUG, "postgres.password", PASSWORD);
        assertThat(wrapped.get(SLUG, "postgres.password")).contains(PASSWORD);
        assertThat(wrapped.all(SLUG)).containsOnlyKeys("postgres.password");
        assertThat(wrapped.tenants()).containsExactly(SLUG);
        wrapped.delete(SLUG, "postgres.password");
        wrapped.put(SLUG, "signing-key.key", PASSWORD);
        wrapped.deleteAll(SLUG);
        assertThat(vault.secrets).isEmpty();
    }

    @Test
    void putFailsBeforeStoringAndTheMessageHoldsNoSecret() {
        SecretVault wrapped = armed("vault-put:postgres=fail");
        assertThatThrownBy(() -> wrapped.put(SLUG, "postgres.password", PASSWORD))
                .isInstanceOf(InjectedFault.class)
                .hasMessageContaining("vault-put:postgres")
                .hasMessageNotContaining("hunter2");
        assertThat(vault.secrets).isEmpty();
        wrapped.put(SLUG, "redis.password", PASSWORD);
        assertThat(vault.secrets).containsOnlyKeys("redis.password");
    }

    @Test
    void readsFailAtTheirKindAndTheWildcardCoversTheWholeTenantReads() {
        vault.put(SLUG, "signing-key.key", PASSWORD);
        SecretVault byKind = armed("vault-read:signing-key=fail");
        assertThatThrownBy(() -> byKind.get(SLUG, "signing-key.key")).isInstanceOf(InjectedFault.class);
        assertThatCode(() -> byKind.all(SLUG)).doesNotThrowAnyException();
        SecretVault any = armed("vault-read:*=fail");
        assertThatThrownBy(() -> any.all(SLUG)).hasMessageContaining("vault-read:*");
        assertThatThrownBy(() -> any.tenants()).isInstanceOf(InjectedFault.class);
    }

    @Test
    void deleteAndDeleteAllAreSeparatePoints() {
        vault.put(SLUG, "signing-key.key", PASSWORD);
        vault.put(SLUG, "signing-key.tags", PASSWORD);
        SecretVault deleteAllFails = armed("vault-delete-all:*=fail");
        deleteAllFails.delete(SLUG, "signing-key.tags");
        assertThatThrownBy(() -> deleteAllFails.deleteAll(SLUG)).hasMessageContaining("vault-delete-all:*");
        assertThat(vault.secrets).containsOnlyKeys("signing-key.key");
        SecretVault deleteFails = armed("vault-delete:*=fail");
        assertThatThrownBy(() -> deleteFails.delete(SLUG, "signing-key.key"))
                .hasMessageContaining("vault-delete:signing-key");
        deleteFails.deleteAll(SLUG);
        assertThat(vault.secrets).isEmpty();
    }

    @Test
    void aNameWithoutAKindPrefixIsReachedAsAnyTarget() {
        assertThatCode(() -> armed("vault-put:postgres=fail").put(SLUG, "legacy", PASSWORD))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> armed("vault-put:*=fail").put(SLUG, "postgresql.password", PASSWORD))
                .hasMessageContaining("vault-put:*");
    }
}
