package io.tenantprovisioning.security;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.signingkey.ForgedTokens;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.signingkey.TokenVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.SecretKey;

/**
 * What a tenant's JWT (signed with its own key) gets from the verifier the query path uses: its own
 * tenant, and nothing else. In-process: the verifier is the service here.
 */
final class JwtAttacks {

    private final TenantTokens tokens = new TenantTokens();
    private final Slug self;
    private final SecretKey ownKey;
    private final Slug other;
    private final SecretKey otherKey;

    JwtAttacks(TenantAccess self, TenantAccess other) {
        this.self = self.slug();
        this.ownKey = key(self);
        this.other = other.slug();
        this.otherKey = key(other);
    }

    Answer ownTenant() {
        return verify("its own token for " + self, tokens.issue(self, ownKey, Duration.ofMinutes(5)), self, ownKey);
    }

    /** A token signed with its own key, presented to another tenant's endpoint. */
    Answer otherTenant() {
        return verify("its token presented for " + other, tokens.issue(self, ownKey, Duration.ofMinutes(5)), other,
                otherKey);
    }

    Answer expired() {
        TenantTokens yesterday = new TenantTokens(Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        return verify("a token expired a day ago", yesterday.issue(self, ownKey, Duration.ofMinutes(5)), self, ownKey);
    }

    Answer unsigned() {
        return verify("its token re-sent with alg=none",
                ForgedTokens.unsigned(tokens.issue(self, ownKey, Duration.ofMinutes(5))), self, ownKey);
    }

    Answer tampered() {
        return verify("its token with the expiry pushed out after signing",
                ForgedTokens.tampered(tokens.issue(self, ownKey, Duration.ofMinutes(5))), self, ownKey);
    }

    private Answer verify(String what, String token, Slug expected, SecretKey key) {
        TokenVerification verification = tokens.verify(token, expected, key);
        return verification instanceof TokenVerification.Rejected rejected
                ? Answer.refused(what + ": " + rejected.reason())
                : Answer.allowed(what + ": accepted");
    }

    private static SecretKey key(TenantAccess tenant) {
        Secret encoded = tenant.secret(SigningKeyDriver.SECRET_KEY).orElseThrow();
        return TenantTokens.key(encoded);
    }
}
