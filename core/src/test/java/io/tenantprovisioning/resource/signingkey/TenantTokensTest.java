package io.tenantprovisioning.resource.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TenantTokensTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Slug ACME = Slug.of("acme-corp");
    private static final Slug GLOBEX = Slug.of("globex");

    private final TenantTokens tokens = new TenantTokens(Clock.fixed(NOW, ZoneOffset.UTC));
    private final SecretKey acmeKey = newKey();

    private static SecretKey newKey() {
        return new SecretKeySpec(new RandomSecrets().bytes(32), "HmacSHA256");
    }

    private TokenVerification.Rejected rejected(String token) {
        TokenVerification v = tokens.verify(token, ACME, acmeKey);
        assertThat(v).isInstanceOf(TokenVerification.Rejected.class);
        return (TokenVerification.Rejected) v;
    }

    @Test
    void aTokenOfTheTenantWithItsKeyVerifies() {
        String token = tokens.issue(ACME, acmeKey, Duration.ofMinutes(5));

        TokenVerification v = tokens.verify(token, ACME, acmeKey);

        assertThat(v).isEqualTo(new TokenVerification.Verified("tenant-acme-corp", "acme-corp",
                TenantTokens.keyId(acmeKey), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = new TenantTokens(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue(ACME, acmeKey, Duration.ofMinutes(5));
        assertThat(rejected(token).reason()).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void aTokenSignedWithAnotherTenantsKeyIsRejected() {
        String token = tokens.issue(ACME, newKey(), Duration.ofMinutes(5));
        assertThat(rejected(token).reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void aTokenForAnotherTenantIdIsRejectedEvenWithTheRightKey() {
        String token = tokens.issue(GLOBEX, acmeKey, Duration.ofMinutes(5));
        TokenVerification.Rejected r = rejected(token);
        assertThat(r.reason()).isEqualTo(RejectionReason.WRONG_TENANT);
        assertThat(r.message()).contains("globex").contains("acme-corp");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = ForgedTokens.tampered(tokens.issue(ACME, acmeKey, Duration.ofMinutes(5)));
        assertThat(rejected(token).reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String token = ForgedTokens.unsigned(tokens.issue(ACME, acmeKey, Duration.ofMinutes(5)));
        assertThat(rejected(token).reason()).isEqualTo(RejectionReason.UNSIGNED);
        // and jjwt's own unsecured builder output, without a trailing signature part
        String jjwtUnsecured = Jwts.builder().claim("tenant_id", "acme-corp").expiration(Date.from(NOW.plusSeconds(60)))
                .compact();
        assertThat(rejected(jjwtUnsecured).reason()).isEqualTo(RejectionReason.UNSIGNED);
    }

    @Test
    void otherAlgorithmsAndGarbageAreRejected() {
        SecretKey big = new SecretKeySpec(new RandomSecrets().bytes(64), "HmacSHA512");
        String hs512 = Jwts.builder().claim("tenant_id", "acme-corp").expiration(Date.from(NOW.plusSeconds(60)))
                .signWith(big, Jwts.SIG.HS512).compact();
        assertThat(rejected(hs512).reason()).isEqualTo(RejectionReason.WRONG_ALGORITHM);
        assertThat(rejected("").reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(rejected("abc").reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(rejected("e30.e30.").reason()).isEqualTo(RejectionReason.UNSIGNED);
        String noExp = Jwts.builder().claim("tenant_id", "acme-corp").signWith(acmeKey, Jwts.SIG.HS256).compact();
        assertThat(rejected(noExp).reason()).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void rejectionsNeverCarryTheTokenOrTheKey() {
        String token = tokens.issue(ACME, acmeKey, Duration.ofMinutes(5));
        String keyBase64 = Base64.getEncoder().encodeToString(acmeKey.getEncoded());
        for (String bad : new String[] {ForgedTokens.tampered(token), ForgedTokens.unsigned(token),
                tokens.issue(ACME, newKey(), Duration.ofMinutes(5)), tokens.issue(GLOBEX, acmeKey, Duration.ofMinutes(5))}) {
            TokenVerification.Rejected r = rejected(bad);
            assertThat(r.toString()).doesNotContain(bad).doesNotContain(token.split("\\.")[2]).doesNotContain(keyBase64);
        }
    }

    @Test
    void keysShorterThan256BitsAreRefused() {
        Secret weak = Secret.of(Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> TenantTokens.key(weak)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 bits").hasMessageNotContaining(weak.reveal());
        assertThatThrownBy(() -> TenantTokens.key(Secret.of("not base64 !!"))).hasMessage("signing key is not base64");
    }
}
