package io.tenantprovisioning.resource.credential;

import io.tenantprovisioning.config.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates tenant credentials from a {@link SecureRandom}. Passwords are URL-safe base64 (no quotes,
 * spaces or '>' that could break an ACL rule or a SQL literal), 43 characters for 256 random bits.
 */
public final class RandomSecrets {

    private static final int PASSWORD_BYTES = 32;

    private final SecureRandom random;

    public RandomSecrets() {
        this(new SecureRandom());
    }

    public RandomSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A fresh password of 256 random bits (43 characters). */
    public Secret password() {
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(PASSWORD_BYTES)));
    }

    /** {@code count} fresh random bytes, e.g. key material. */
    public byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }
}
