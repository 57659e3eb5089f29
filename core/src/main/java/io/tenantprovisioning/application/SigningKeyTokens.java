package io.tenantprovisioning.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.rag.TenantTokenVerifier;
import io.tenantprovisioning.rag.TokenRejectedException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.signingkey.TokenVerification;
import io.tenantprovisioning.validation.TenantTokenMinter;
import java.io.IOException;
import io.tenantprovisioning.resource.signingkey.SigningKeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKey;
import java.util.Base64;

/**
 * Tenant bearer tokens backed by each tenant's own signing key in the vault: mints them for checks
 * and `tenantctl token`, and verifies them for the RAG query (the claimed tenant only selects which
 * key to verify with; a token that does not verify under that tenant's key is refused).
 */
public final class SigningKeyTokens implements TenantTokenVerifier, TenantTokenMinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretVault vault;
    private final TenantTokens tokens;
    private final Duration ttl;
    private final Clock clock;

    public SigningKeyTokens(SecretVault vault, TenantTokens tokens, Duration ttl) {
        this(vault, tokens, ttl, Clock.systemUTC());
    }

    /** With the clock that decides whether a previous key has retired (the same as {@code tokens}' in tests). */
    public SigningKeyTokens(SecretVault vault, TenantTokens tokens, Duration ttl, Clock clock) {
        this.vault = vault;
        this.tokens = tokens;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(Slug slug, Duration lifetime) {
        Secret key = vault.get(slug, SigningKeyDriver.SECRET_KEY)
                .orElseThrow(() -> new IllegalStateException("tenant '" + slug + "' has no signing key"));
        return tokens.issue(slug, TenantTokens.key(key), lifetime);
    }

    @Override
    public String mint(TenantAccess tenant) {
        Secret key = tenant.secret(SigningKeyDriver.SECRET_KEY)
                .orElseThrow(() -> new IllegalStateException("tenant '" + tenant.slug() + "' has no signing key"));
        return tokens.issue(tenant.slug(), TenantTokens.key(key), ttl);
    }

    @Override
    public Slug verify(String bearerToken) throws TokenRejectedException {
        Slug claimed = claimedTenant(bearerToken);
        SigningKeyRing ring = SigningKeyRing.read(vault, claimed)
                .orElseThrow(() -> new TokenRejectedException("no signing key for the claimed tenant"));
        Optional<String> keyId = TenantTokens.keyIdOf(bearerToken);
        // the kid only picks the key: the signature must still verify under it
        SecretKey key = ring.keyFor(keyId, clock.instant()).orElseThrow(() -> new TokenRejectedException(
                "token is signed with a retired or unknown key (kid " + keyId.orElse("none") + ")"));
        TokenVerification result = tokens.verify(bearerToken, claimed, key);
        if (result instanceof TokenVerification.Rejected rejected) {
            throw new TokenRejectedException(rejected.message());
        }
        return claimed;
    }

    private static Slug claimedTenant(String token) throws TokenRejectedException {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            throw new TokenRejectedException("not a JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Slug.of(claims.path(TenantTokens.TENANT_ID_CLAIM).asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenRejectedException("token has no valid tenant_id claim");
        }
    }
}
