package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.signingkey.ForgedTokens;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.signingkey.TokenVerification;
import io.tenantprovisioning.resource.signingkey.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Check 4: a token issued with the tenant's key and its tenant_id verifies; tokens that are expired,
 * signed with another tenant's key (an ephemeral key made here), carry another tenant_id, were altered
 * after signing, or use alg=none are all rejected by the verifier the platform uses.
 */
public final class JwtAuthenticationCheck implements ValidationCheck {

    public static final String ID = "jwt-authentication";
    private static final Duration TTL = Duration.ofMinutes(5);
    /** The genuine token plus the five forgeries of {@link #forgeries}. */
    private static final int CASES = 6;

    private final TokenVerifier verifier;
    private final Clock clock;
    private final RandomSecrets randomSecrets;

    public JwtAuthenticationCheck() {
        this(new TenantTokens(), Clock.systemUTC(), new RandomSecrets());
    }

    /** With the verifier under test (the platform's), the clock it uses and a source for the foreign key. */
    public JwtAuthenticationCheck(TokenVerifier verifier, Clock clock, RandomSecrets randomSecrets) {
        this.verifier = verifier;
        this.clock = clock;
        this.randomSecrets = randomSecrets;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "JWT authentication";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) {
        Optional<Secret> stored = tenant.secret(SigningKeyDriver.SECRET_KEY);
        if (stored.isEmpty()) {
            return new CheckOutcome.Failed("tenant " + tenant.slug() + " has no " + SigningKeyDriver.SECRET_KEY
                    + "; was its signing key created?", null);
        }
        SecretKey key;
        try {
            key = TenantTokens.key(stored.get());
        } catch (IllegalArgumentException e) {
            return new CheckOutcome.Failed("tenant " + tenant.slug() + "'s signing key is unusable: " + e.getMessage()
                    + "; re-create the signing-key resource", null);
        }
        Slug slug = tenant.slug();
        TenantTokens issuer = new TenantTokens(clock);
        String valid = issuer.issue(slug, key, TTL);
        TokenVerification genuine = verifier.verify(valid, slug, key);
        if (!genuine.accepted()) {
            return new CheckOutcome.Failed("a token issued with the tenant's own key was rejected: "
                    + ((TokenVerification.Rejected) genuine).message() + "; check the key and the verifier's clock",
                    "0/" + CASES + " cases");
        }
        Map<String, String> forgeries = forgeries(slug, key, valid);
        List<String> accepted = new ArrayList<>();
        forgeries.forEach((name, token) -> {
            if (verifier.verify(token, slug, key).accepted()) {
                accepted.add(name);
            }
        });
        String figure = (CASES - accepted.size()) + "/" + CASES + " cases";
        if (!accepted.isEmpty()) {
            return new CheckOutcome.Failed("tokens that must be rejected were accepted: " + String.join(", ", accepted)
                    + "; the token verifier is not safe for tenant " + slug, figure);
        }
        return new CheckOutcome.Passed("valid token accepted; " + String.join(", ", forgeries.keySet())
                + " tokens rejected", figure);
    }

    /** The tokens that must be refused, by a name a person can read. */
    private Map<String, String> forgeries(Slug slug, SecretKey key, String valid) {
        SecretKey foreignKey = new SecretKeySpec(randomSecrets.bytes(TenantTokens.KEY_BYTES), "HmacSHA256");
        Slug otherTenant = Slug.of(slug.value().equals("other-tenant") ? "another-tenant" : "other-tenant");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", new TenantTokens(Clock.offset(clock, Duration.ofHours(-1))).issue(slug, key, TTL));
        tokens.put("other tenant's key", new TenantTokens(clock).issue(slug, foreignKey, TTL));
        tokens.put("other tenant_id", new TenantTokens(clock).issue(otherTenant, key, TTL));
        tokens.put("tampered", ForgedTokens.tampered(valid));
        tokens.put("alg=none", ForgedTokens.unsigned(valid));
        return tokens;
    }
}
