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
import java.time.Duration;
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

    public SigningKeyTokens(SecretVault vault, TenantTokens tokens, Duration ttl) {
        this.vault = vault;
        this.tokens = tokens;
        this.ttl = ttl;
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
        Secret key = vault.get(claimed, SigningKeyDriver.SECRET_KEY)
                .orElseThrow(() -> new TokenRejectedException("no signing key for the claimed tenant"));
        TokenVerification result = tokens.verify(bearerToken, claimed, TenantTokens.key(key));
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
