package io.tenantprovisioning.resource.signingkey;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.request.Slug;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A tenant's signing keys as the verifier sees them: the current key, and after a rotation the previous
 * one until it retires. Tokens name their key by {@code kid}; one signed with the previous key is accepted
 * until {@code previousRetiresAt} (the overlap window, at least the longest token lifetime), never after.
 * Both live in the vault: {@value SigningKeyDriver#SECRET_KEY}, {@value #PREVIOUS} and {@value #PREVIOUS_RETIRES_AT}.
 */
public record SigningKeyRing(SecretKey current, Optional<SecretKey> previous, Optional<Instant> previousRetiresAt) {

    public static final String PREVIOUS = "signing-key.previous";
    public static final String PREVIOUS_RETIRES_AT = "signing-key.previous-retires-at";

    /** The tenant's keys in the vault; empty when it has no current key. */
    public static Optional<SigningKeyRing> read(SecretVault vault, Slug slug) {
        Optional<Secret> current = vault.get(slug, SigningKeyDriver.SECRET_KEY);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretKey> previous = vault.get(slug, PREVIOUS).map(TenantTokens::key);
        Optional<Instant> retires = vault.get(slug, PREVIOUS_RETIRES_AT).flatMap(SigningKeyRing::instant);
        return Optional.of(new SigningKeyRing(TenantTokens.key(current.get()), previous, retires));
    }

    /**
     * The key a token naming {@code keyId} must verify under at {@code now}: the current key for its own id
     * (or for a token without one), the previous key for its id before it retires; nothing otherwise.
     */
    public Optional<SecretKey> keyFor(Optional<String> keyId, Instant now) {
        if (keyId.isEmpty() || keyId.get().equals(TenantTokens.keyId(current))) {
            return Optional.of(current);
        }
        return previous.filter(key -> keyId.get().equals(TenantTokens.keyId(key)))
                .filter(key -> previousRetiresAt.map(now::isBefore).orElse(false));
    }

    /** The current key's id. */
    public String currentKeyId() {
        return TenantTokens.keyId(current);
    }

    private static Optional<Instant> instant(Secret stored) {
        try {
            return Optional.of(Instant.parse(stored.reveal()));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable date retires the key: refusing beats accepting forever
        }
    }
}
