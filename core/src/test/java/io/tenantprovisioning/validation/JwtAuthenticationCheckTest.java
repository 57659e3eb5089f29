package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.signingkey.RejectionReason;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.resource.signingkey.TokenVerification;
import io.tenantprovisioning.resource.signingkey.TokenVerifier;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthenticationCheckTest {

    private final Clock clock = Clock.systemUTC();
    private final TenantTokens realVerifier = new TenantTokens(clock);
    private TenantAccess tenant;
    private String keyText;

    @BeforeEach
    void tenantWithAKey() throws Exception {
        TenantResourceSpec spec = TestTenants.spec(Slug.of("acme-corp"), Tier.GOLD);
        SigningKeyDriver driver = new SigningKeyDriver(new InMemorySecretVault(), new RandomSecrets());
        tenant = TestTenants.access(spec, List.of(driver.create(spec)));
        keyText = tenant.secret(SigningKeyDriver.SECRET_KEY).orElseThrow().reveal();
    }

    private CheckOutcome runWith(TokenVerifier verifier) {
        return new JwtAuthenticationCheck(verifier, clock, new RandomSecrets()).run(tenant);
    }

    /** The real verifier, except that rejections for these reasons are turned into acceptances. */
    private TokenVerifier ignoring(RejectionReason... reasons) {
        Set<RejectionReason> ignored = Set.of(reasons);
        return (token, slug, key) -> {
            TokenVerification v = realVerifier.verify(token, slug, key);
            if (v instanceof TokenVerification.Rejected && ignored.contains(((TokenVerification.Rejected) v).reason())) {
                return new TokenVerification.Verified("x", slug.value(), "kid", Instant.now());
            }
            return v;
        };
    }

    @Test
    void describesItself() {
        JwtAuthenticationCheck check = new JwtAuthenticationCheck();
        assertThat(check.id()).isEqualTo("jwt-authentication");
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(check.critical()).isTrue();
    }

    @Test
    void passesWithThePlatformVerifier() {
        CheckOutcome outcome = new JwtAuthenticationCheck().run(tenant);
        assertThat(outcome).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(((CheckOutcome.Passed) outcome).figure()).isEqualTo("6/6 cases");
        assertThat(outcome.message()).contains("expired", "other tenant's key", "other tenant_id", "tampered", "alg=none");
    }

    @Test
    void failsWhenTheVerifierIgnoresExpiry() {
        CheckOutcome outcome = runWith(ignoring(RejectionReason.EXPIRED));
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("accepted: expired");
        assertThat(((CheckOutcome.Failed) outcome).figure()).isEqualTo("5/6 cases");
    }

    @Test
    void failsWhenTheVerifierIgnoresTheTenantId() {
        CheckOutcome outcome = runWith(ignoring(RejectionReason.WRONG_TENANT));
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("accepted: other tenant_id");
    }

    @Test
    void failsWhenTheVerifierAcceptsBadSignaturesAndUnsignedTokens() {
        CheckOutcome outcome = runWith(ignoring(RejectionReason.BAD_SIGNATURE, RejectionReason.UNSIGNED));
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("other tenant's key", "tampered", "alg=none")
                .doesNotContain("expired");
    }

    @Test
    void failsWhenTheVerifierAcceptsEverything() {
        CheckOutcome outcome = runWith((token, slug, key) -> new TokenVerification.Verified("x", slug.value(), "k",
                Instant.now()));
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(((CheckOutcome.Failed) outcome).figure()).isEqualTo("1/6 cases");
    }

    @Test
    void failsWhenTheGenuineTokenIsRejected() {
        CheckOutcome outcome = runWith((token, slug, key) -> new TokenVerification.Rejected(RejectionReason.EXPIRED,
                "clock skew"));
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("issued with the tenant's own key was rejected: clock skew");
    }

    @Test
    void failsWithoutAKeyOrWithAWeakOne() {
        TenantAccess noKey = new TenantAccess(tenant.slug(), tenant.tags(), tenant.tierConfig(), Map.of(), Map.of());
        assertThat(new JwtAuthenticationCheck().run(noKey)).isInstanceOf(CheckOutcome.Failed.class)
                .extracting(CheckOutcome::message).asString().contains("has no signing-key.key");

        Secret weak = Secret.of("c2hvcnQta2V5");
        TenantAccess weakKey = new TenantAccess(tenant.slug(), tenant.tags(), tenant.tierConfig(), Map.of(),
                Map.of(SigningKeyDriver.SECRET_KEY, weak));
        CheckOutcome outcome = new JwtAuthenticationCheck().run(weakKey);
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("unusable").contains("72 bits").doesNotContain(weak.reveal());
    }

    @Test
    void outcomesNeverCarryTheKey() {
        assertThat(new JwtAuthenticationCheck().run(tenant).message()).doesNotContain(keyText);
        assertThat(runWith(ignoring(RejectionReason.values())).message()).doesNotContain(keyText);
    }
}
