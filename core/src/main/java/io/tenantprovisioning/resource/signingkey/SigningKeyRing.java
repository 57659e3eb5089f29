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
 * Both live in the vault: {@value SigningKeyDriver#SECRET_KEY}, and {@value #PREVIOUS} holding the previous key
 * together with when it retires ({@code <instant> <base64 key>}: one value, so they are written together).
 */
public record SigningKeyRing(SecretKey current, Optional<SecretKey> previous, Optional<Instant> previousRetiresAt) {

    public static final String PREVIOUS = "signing-key.previous";

    /** The tenant's keys in the vault; empty when it has no current key. */
    public static Optional<SigningKeyRing> read(SecretVault vault, Slug slug) {
        Optional<Secret> current = vault.get(slug, SigningKeyDriver.SECRET_KEY);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<String[]> previous = vault.get(slug, PREVIOUS).map(s -> s.reveal().split(" ", 2))
                .filter(parts -> parts.length == 2);
        return Optional.of(new SigningKeyRing(TenantTokens.key(current.get()),
                previous.map(parts -> TenantTokens.key(Secret.of(parts[1]))),
                previous.flatMap(parts -> instant(parts[0]))));
    }

    /** The vault value of a retiring key: when it retires, then the key. */
    public static Secret retiring(SecretKey key, Instant retiresAt) {
        return Secret.of(retiresAt + " " + TenantTokens.encode(key).reveal());
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

    private static Optional<Instant> instant(String stored) {
        try {
            return Optional.of(Instant.parse(stored));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable date retires the key: refusing beats accepting forever
        }
    }
}
