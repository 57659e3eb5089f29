package io.tenantprovisioning.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tenant credentials at rest. Sealed form: 12-byte random nonce || ciphertext+tag.
 * The associated data binds a sealed value to its owner (tenant slug + secret name), so a value
 * copied onto another tenant's row fails to open.
 */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new ConfigurationException("TENANT_SECRETS_KEY must be 32 bytes (base64 of 256 bits), got "
                    + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretCipher fromSettings(Settings settings) {
        return fromBase64(settings.requiredSecret(Setting.TENANT_SECRETS_KEY));
    }

    public static SecretCipher fromBase64(Secret base64Key) {
        try {
            return new SecretCipher(Base64.getDecoder().decode(base64Key.reveal().trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("TENANT_SECRETS_KEY is not valid base64");
        }
    }

    public byte[] seal(Secret plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.reveal().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a tenant secret (" + e.getClass().getSimpleName() + ")");
        }
    }

    public Secret open(byte[] sealed, String associatedData) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] pt = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return Secret.of(new String(pt, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a tenant secret for " + associatedData
                    + ": wrong TENANT_SECRETS_KEY or tampered value");
        }
    }
}
