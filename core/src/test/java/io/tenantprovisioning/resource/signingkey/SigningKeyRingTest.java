package io.tenantprovisioning.resource.signingkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.InMemorySecretVault;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SigningKeyRingTest {

    private static final Slug SLUG = Slug.of("ring-tenant");
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final SecretKey current = key();
    private final SecretKey previous = key();
    private final Instant retires = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void theKidPicksTheKeyAndThePreviousOneOnlyUntilItRetires() {
        vault.put(SLUG, SigningKeyDriver.SECRET_KEY, TenantTokens.encode(current));
        vault.put(SLUG, SigningKeyRing.PREVIOUS, SigningKeyRing.retiring(previous, retires));
        SigningKeyRing ring = SigningKeyRing.read(vault, SLUG).orElseThrow();

        assertThat(ring.keyFor(Optional.of(TenantTokens.keyId(current)), retires.plusSeconds(999))).contains(current);
        assertThat(ring.keyFor(Optional.empty(), retires)).contains(current);
        assertThat(ring.keyFor(Optional.of(TenantTokens.keyId(previous)), retires.minusSeconds(1))).contains(previous);
        assertThat(ring.keyFor(Optional.of(TenantTokens.keyId(previous)), retires)).isEmpty();
        assertThat(ring.keyFor(Optional.of(TenantTokens.keyId(key())), retires.minusSeconds(1))).isEmpty();
    }

    @Test
    void aPreviousKeyWithoutAReadableRetirementIsNeverAccepted() {
        vault.put(SLUG, SigningKeyDriver.SECRET_KEY, TenantTokens.encode(current));
        vault.put(SLUG, SigningKeyRing.PREVIOUS, Secret.of("not-a-date " + TenantTokens.encode(previous).reveal()));
        SigningKeyRing ring = SigningKeyRing.read(vault, SLUG).orElseThrow();

        assertThat(ring.keyFor(Optional.of(TenantTokens.keyId(previous)), Instant.EPOCH)).isEmpty();
        assertThat(SigningKeyRing.read(new InMemorySecretVault(), SLUG)).isEmpty();
    }

    private static SecretKey key() {
        byte[] bytes = new byte[TenantTokens.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
