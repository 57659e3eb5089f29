package io.tenantprovisioning.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static Secret randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Secret.of(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void roundTripsAndBindsTheValueToItsOwner() {
        SecretCipher cipher = SecretCipher.fromBase64(randomKey());
        byte[] sealed = cipher.seal(Secret.of("s3cr3t-password"), "acme/postgres.password");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(cipher.open(sealed, "acme/postgres.password").reveal()).isEqualTo("s3cr3t-password");
        assertThatThrownBy(() -> cipher.open(sealed, "other/postgres.password"))
                .hasMessageContaining("tampered").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void wrongKeyCannotOpen() {
        byte[] sealed = SecretCipher.fromBase64(randomKey()).seal(Secret.of("value"), "a/b");
        assertThatThrownBy(() -> SecretCipher.fromBase64(randomKey()).open(sealed, "a/b"))
                .hasMessageContaining("wrong TENANT_SECRETS_KEY");
    }

    @Test
    void rejectsKeysOfTheWrongSize() {
        assertThatThrownBy(() -> SecretCipher.fromBase64(Secret.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64(Secret.of("not base64!"))).hasMessageContaining("base64");
    }
}
