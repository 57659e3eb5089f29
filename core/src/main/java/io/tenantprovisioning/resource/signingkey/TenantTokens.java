package io.tenantprovisioning.resource.signingkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecurityException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * Issues and verifies a tenant's HS256 bearer tokens (claims {@code tenant_id}, {@code sub}, {@code iat},
 * {@code exp}; header {@code kid}). Verification accepts only HS256 signed with the tenant's own key,
 * not expired, carrying exactly the expected {@code tenant_id}; an unsigned token is always refused.
 */
public final class TenantTokens implements TokenVerifier {

    public static final String TENANT_ID_CLAIM = "tenant_id";
    public static final String ALGORITHM = "HS256";
    /** HS256 needs a key of at least 256 bits. */
    public static final int KEY_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public TenantTokens() {
        this(Clock.systemUTC());
    }

    /** With a given clock (tests issue already-expired tokens with a clock in the past). */
    public TenantTokens(Clock clock) {
        this.clock = clock;
    }

    /** A token for the tenant, valid for {@code ttl} from now. */
    public String issue(Slug slug, SecretKey key, Duration ttl) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().keyId(keyId(key)).and()
                .subject(slug.qualifiedName())
                .claim(TENANT_ID_CLAIM, slug.value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    @Override
    public TokenVerification verify(String token, Slug expectedTenant, SecretKey key) {
        TokenVerification.Rejected headerProblem = checkHeader(token);
        if (headerProblem != null) {
            return headerProblem;
        }
        Jws<Claims> jws;
        try {
            jws = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build().parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            return reject(RejectionReason.EXPIRED, "token expired at " + e.getClaims().getExpiration().toInstant());
        } catch (SecurityException e) {
            return reject(RejectionReason.BAD_SIGNATURE, "signature does not match the tenant's key "
                    + "(signed with another key, or altered after signing)");
        } catch (JwtException | IllegalArgumentException e) {
            return reject(RejectionReason.MALFORMED, "not a valid signed token (" + e.getClass().getSimpleName() + ")");
        }
        Claims claims = jws.getPayload();
        Object tenantId = claims.get(TENANT_ID_CLAIM);
        if (claims.getExpiration() == null) {
            return reject(RejectionReason.MALFORMED, "token has no exp claim; tokens without expiry are refused");
        }
        if (!expectedTenant.value().equals(tenantId)) {
            return reject(RejectionReason.WRONG_TENANT, "token is for tenant_id '" + tenantId
                    + "', expected '" + expectedTenant + "'");
        }
        return new TokenVerification.Verified(claims.getSubject(), expectedTenant.value(),
                jws.getHeader().getKeyId(), claims.getExpiration().toInstant());
    }

    /** The {@code kid} a token's header names, if it is a readable JWT header that names one. */
    public static java.util.Optional<String> keyIdOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header != null && header.hasNonNull("kid") ? java.util.Optional.of(header.get("kid").asText())
                    : java.util.Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Refuses unsigned and non-HS256 tokens before any parsing library gets a say. */
    private static TokenVerification.Rejected checkHeader(String token) {
        if (token == null || token.isBlank()) {
            return reject(RejectionReason.MALFORMED, "no token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return reject(RejectionReason.MALFORMED, "not a JWT (no header part)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
        } catch (IOException | IllegalArgumentException e) {
            return reject(RejectionReason.MALFORMED, "token header is not base64url JSON");
        }
        String alg = header == null || !header.hasNonNull("alg") ? "none" : header.get("alg").asText();
        if ("none".equalsIgnoreCase(alg)) {
            return reject(RejectionReason.UNSIGNED, "unsigned token (alg=none) refused");
        }
        if (!ALGORITHM.equals(alg)) {
            return reject(RejectionReason.WRONG_ALGORITHM, "token algorithm " + alg + " refused; only " + ALGORITHM);
        }
        return null;
    }

    private static TokenVerification.Rejected reject(RejectionReason reason, String message) {
        return new TokenVerification.Rejected(reason, message);
    }

    /** The HMAC key stored (base64) in a tenant secret. */
    public static SecretKey key(Secret base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.reveal());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key is not base64");
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalArgumentException("signing key has " + bytes.length * 8 + " bits; HS256 needs "
                    + KEY_BYTES * 8);
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    /** The key as it is stored: base64. */
    public static Secret encode(SecretKey key) {
        return Secret.of(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    /**
     * A stable, non-reversible key id: the first 12 bytes of the key's SHA-256, base64url. It tells keys
     * apart in tokens and logs without revealing anything usable about the key.
     */
    public static String keyId(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
