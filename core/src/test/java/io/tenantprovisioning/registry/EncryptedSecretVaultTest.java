package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptedSecretVaultTest {

    private ThrowawayRegistry throwaway;
    private EncryptedSecretVault vault;
    private String key;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        key = throwaway.settings().requiredSecret(Setting.TENANT_SECRETS_KEY).reveal();
        vault = throwaway.registry().secrets(SecretCipher.fromSettings(throwaway.settings()));
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void secretsRoundTripAndAreStoredSealed() throws Exception {
        Slug slug = TestServices.uniqueSlug("vault");
        String password = "pw-" + System.nanoTime();
        vault.put(slug, "postgres.password", Secret.of(password));
        vault.put(slug, "redis.password", Secret.of("redis-" + password));

        assertThat(vault.get(slug, "postgres.password")).contains(Secret.of(password));
        assertThat(vault.get(slug, "vector.api-key")).isEmpty();
        assertThat(vault.all(slug)).containsOnlyKeys("postgres.password", "redis.password");
        assertThat(new String(sealed(slug, "postgres.password"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(password);

        vault.put(slug, "postgres.password", Secret.of("rotated"));
        assertThat(vault.get(slug, "postgres.password")).contains(Secret.of("rotated"));
        vault.delete(slug, "redis.password");
        assertThat(vault.all(slug)).containsOnlyKeys("postgres.password");
        vault.deleteAll(slug);
        assertThat(vault.all(slug)).isEmpty();
    }

    @Test
    void aSealedValueCopiedToAnotherTenantDoesNotOpenAndTheErrorHoldsNoSecret() throws Exception {
        Slug owner = TestServices.uniqueSlug("vault");
        Slug thief = TestServices.uniqueSlug("vault");
        String password = "owner-secret-" + System.nanoTime();
        vault.put(owner, "postgres.password", Secret.of(password));
        vault.put(thief, "postgres.password", Secret.of("thief's own"));

        try (Connection admin = throwaway.adminConnection(); PreparedStatement ps = admin.prepareStatement(
                "UPDATE tenant_secrets SET sealed = ? WHERE slug = ? AND name = 'postgres.password'")) {
            ps.setBytes(1, sealed(owner, "postgres.password"));
            ps.setString(2, thief.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        assertThatThrownBy(() -> vault.get(thief, "postgres.password"))
                .hasMessageContaining(thief + "/postgres.password")
                .satisfies(e -> assertThat(RegistryDatabaseTest.fullText(e)).doesNotContain(password)
                        .doesNotContain(key));
        assertThatThrownBy(() -> vault.all(thief)).isInstanceOf(IllegalStateException.class);
        assertThat(vault.get(owner, "postgres.password")).contains(Secret.of(password));
    }

    @Test
    void aDifferentKeyCannotOpenTheVaultAndDoesNotPrintEitherKey() {
        Slug slug = TestServices.uniqueSlug("vault");
        String password = "pw-" + System.nanoTime();
        vault.put(slug, "signing-key.private", Secret.of(password));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String other = Base64.getEncoder().encodeToString(otherKey);
        EncryptedSecretVault wrong = throwaway.registry().secrets(SecretCipher.fromBase64(Secret.of(other)));

        assertThatThrownBy(() -> wrong.get(slug, "signing-key.private"))
                .hasMessageContaining("wrong TENANT_SECRETS_KEY or tampered value")
                .satisfies(e -> assertThat(RegistryDatabaseTest.fullText(e)).doesNotContain(password)
                        .doesNotContain(key).doesNotContain(other));
        assertThat(vault.all(slug).toString()).doesNotContain(password).contains("****");
    }

    @Test
    void aSecretNeedsAName() {
        Slug slug = TestServices.uniqueSlug("vault");
        assertThatThrownBy(() -> vault.put(slug, " ", Secret.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
    }

    private byte[] sealed(Slug slug, String name) throws SQLException {
        try (Connection admin = throwaway.adminConnection(); PreparedStatement ps = admin.prepareStatement(
                "SELECT sealed FROM tenant_secrets WHERE slug = ? AND name = ?")) {
            ps.setString(1, slug.value());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
