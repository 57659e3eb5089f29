package io.tenantprovisioning.registry;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit chain's HMAC-SHA256 key (AUDIT_HMAC_KEY). It lives outside the registry database, so
 * whoever owns the tables can still edit rows but cannot compute the hash a keyed row must carry.
 * Not a record: its value never reaches a {@code toString}, a message or a log.
 */
public final class AuditKey {

    private static final String ALGORITHM = "HmacSHA256";
    // HMAC-SHA256's own block of security: a shorter key is easier to guess than the hash is to break
    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    private AuditKey(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The key the settings hold, if any; a malformed one is a configuration error. */
    public static Optional<AuditKey> fromSettings(Settings settings) {
        return settings.secret(Setting.AUDIT_HMAC_KEY).map(AuditKey::fromBase64);
    }

    public static AuditKey fromBase64(Secret base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.reveal().trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("AUDIT_HMAC_KEY is not valid base64");
        }
        if (raw.length < MIN_BYTES) {
            throw new ConfigurationException("AUDIT_HMAC_KEY must hold at least " + MIN_BYTES + " random bytes "
                    + "(base64), got " + raw.length + "; generate one with: head -c 32 /dev/urandom | base64");
        }
        return new AuditKey(raw);
    }

    /** Lowercase hex HMAC-SHA256 of the text (UTF-8). */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // the message of a key exception could describe the key: name the failure only
            throw new IllegalStateException("cannot compute an audit HMAC (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "AuditKey(****)";
    }
}
