package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A salted SHA-256 of a generated secret, as kept in a filesystem bucket's sidecar. The secrets are
 * 240 random bits, so a slow password hash would add nothing; the salt keeps equal secrets from
 * having equal hashes, and the comparison is constant-time.
 *
 * @param salt base64 of 16 random bytes
 * @param hash base64 of SHA-256(salt || secret)
 */
public record SecretHash(String salt, String hash) {

    private static final int SALT_BYTES = 16;

    public static SecretHash of(Secret secret, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new SecretHash(b64.encodeToString(salt), b64.encodeToString(digest(salt, secret)));
    }

    public boolean matches(Secret candidate) {
        Base64.Decoder b64 = Base64.getDecoder();
        try {
            return MessageDigest.isEqual(b64.decode(hash), digest(b64.decode(salt), candidate));
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, Secret secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
