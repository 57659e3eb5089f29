package io.tenantprovisioning.application;

import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.postgres.PostgresEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.rag.TokenRejectedException;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.objectstore.TenantKeys;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyRing;
import io.tenantprovisioning.resource.signingkey.TenantTokens;
import io.tenantprovisioning.validation.ValidationReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential rotation on the real local services (PostgreSQL, Redis, moto's S3 and IAM with enforcement
 * on): every new credential logs in for real, every old one is refused for real, and a rotation broken
 * between any two of its steps leaves the tenant a recorded credential that logs in.
 */
class CredentialRotationTest {

    @TempDir
    Path dataDir;

    private ActiveTenants tenants;
    private SecretVault vault;

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dataDir, Map.of(Setting.OBJECT_STORE, "s3"));
        vault = tenants.platform.services().vault();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void everyCredentialIsRenewedTheNewProvenBeforeTheOldIsRefused() throws Exception {
        Slug slug = tenants.provision("rot");
        Old old = Old.of(this, slug);
        String oldToken = tenants.platform.services().tokens().issue(slug, Duration.ofMinutes(30));

        RotationReport report = tenants.platform.rotation().rotate(slug, EnumSet.allOf(CredentialKind.class),
                "rotator@test", tenants.progress);

        String log = String.join("\n", tenants.log);
        assertThat(report.outcomes()).as(log).hasSize(4).allMatch(o -> o instanceof RotationOutcome.Rotated);
        // on the services themselves: the recorded credentials log in, the old ones are refused
        assertThat(postgres().login(slug, secret(slug, PostgresSchemaDriver.SECRET_PASSWORD)).accepted()).isTrue();
        assertThat(postgres().login(slug, old.postgres)).satisfies(p -> {
            assertThat(p.refused()).as(p.detail()).isTrue();
            assertThat(p.detail()).contains("28P01");
        });
        assertThat(redis().login(slug, secret(slug, RedisNamespaceDriver.SECRET_PASSWORD)).accepted()).isTrue();
        assertThat(redis().login(slug, old.redis)).satisfies(p -> {
            assertThat(p.refused()).as(p.detail()).isTrue();
            assertThat(p.detail()).contains("WRONGPASS");
        });
        TenantObjectCredentials newKey = currentKey(slug);
        assertThat(newKey.accessKeyId()).isNotEqualTo(old.s3.accessKeyId());
        assertThat(keys().probe(newKey).accepted()).isTrue();
        assertThat(keys().probe(old.s3)).satisfies(p -> {
            assertThat(p.refused()).as(p.detail()).isTrue();
            assertThat(p.detail()).contains("InvalidAccessKeyId");
        });
        assertThat(keys().keyIds(slug)).containsExactly(newKey.accessKeyId());
        // a token of the old key works through the overlap window, then is refused; new tokens carry the new kid
        SigningKeyRing ring = SigningKeyRing.read(vault, slug).orElseThrow();
        assertThat(ring.currentKeyId()).isNotEqualTo(TenantTokens.keyId(old.signingKey));
        assertThat(tenants.platform.services().tokens().verify(oldToken)).isEqualTo(slug);
        Instant retires = ring.previousRetiresAt().orElseThrow();
        assertThat(retires).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plusSeconds(3601));
        assertThatThrownBy(() -> verifierAt(retires).verify(oldToken)).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("retired");
        // inside the window the old token lives out its own lifetime (30 min), and not a second longer
        assertThat(verifierAt(Instant.now().plus(Duration.ofMinutes(29))).verify(oldToken)).isEqualTo(slug);
        assertThatThrownBy(() -> verifierAt(Instant.now().plus(Duration.ofMinutes(31))).verify(oldToken))
                .hasMessageContaining("expired");
        String newToken = tenants.platform.services().tokens().issue(slug, Duration.ofMinutes(5));
        assertThat(TenantTokens.keyIdOf(newToken)).contains(ring.currentKeyId());
        assertThat(tenants.platform.services().tokens().verify(newToken)).isEqualTo(slug);
        // the new one was proven before the old one was revoked, kind by kind
        for (CredentialKind kind : CredentialKind.values()) {
            assertThat(indexOf(kind.option() + ": new credential works"))
                    .as(log).isPositive().isLessThan(indexOf(kind.option() + ": old credential refused"));
        }
        // the eight checks pass on the rotated credentials (they log in with what the registry recorded)
        ValidationReport validation = tenants.platform.validateReport(slug, tenants.progress);
        assertThat(validation.passed()).as(String.join("\n", validation.blockingFailures())).isTrue();
        List<AuditRecord> audit = tenants.platform.ledger().audit(slug);
        assertThat(audit).filteredOn(r -> r.action().equals("credential-rotated")).hasSize(4)
                .allMatch(r -> r.actor().equals("rotator@test"));
        old.assertNoneIn(String.join("\n", tenants.log) + audit);
        assertThat(tenants.state(slug)).isEqualTo("ACTIVE");
    }

    /**
     * PostgreSQL keeps a session opened with the old password after the password changes, and Redis keeps a
     * connection authenticated with a removed password: rotation ends both, so the old password grants nothing.
     */
    @Test
    void sessionsOpenedWithTheOldPasswordsDoNotOutliveTheRotation() throws Exception {
        Slug slug = tenants.provision("rots");
        Old old = Old.of(this, slug);
        Settings settings = tenants.platform.settings();
        try (java.sql.Connection pg = java.sql.DriverManager.getConnection(
                PostgresEndpoint.tenantData(settings).jdbcUrl(), PostgresSchemaDriver.nameOf(slug).name(),
                old.postgres.reveal());
             redis.clients.jedis.Jedis jedis = RedisEndpoint.fromSettings(settings).connect(slug.redisUser(), old.redis)) {
            assertThat(pg.isValid(5)).isTrue();
            assertThat(jedis.ping()).isEqualTo("PONG");

            RotationReport report = tenants.platform.rotation().rotate(slug,
                    EnumSet.of(CredentialKind.DB, CredentialKind.REDIS), "rotator@test", tenants.progress);

            assertThat(report.outcomes()).as(String.join("\n", tenants.log))
                    .allMatch(o -> o instanceof RotationOutcome.Rotated);
            assertThatThrownBy(() -> pg.createStatement().executeQuery("select 1"))
                    .as("the PostgreSQL session of the old password").isInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(jedis::ping).as("the Redis connection of the old password")
                    .isInstanceOf(redis.clients.jedis.exceptions.JedisException.class);
        }
        assertThat(postgres().login(slug, secret(slug, PostgresSchemaDriver.SECRET_PASSWORD)).accepted()).isTrue();
        assertThat(redis().login(slug, secret(slug, RedisNamespaceDriver.SECRET_PASSWORD)).accepted()).isTrue();
    }

    @Test
    void aRotationBrokenBetweenAnyTwoStepsLeavesARecordedCredentialThatWorks() throws Exception {
        Slug slug = tenants.provision("rof");
        // overlap 0: the previous signing key the "recorded" case leaves must not block the cases after it
        Settings base = tenants.platform.settings().with(Map.of(Setting.JWT_KEY_OVERLAP_MINUTES, "0"));
        for (CredentialKind kind : CredentialKind.values()) {
            for (String stage : List.of("issued", "proven", "recorded")) {
                Old before = Old.of(this, slug);
                RotationOutcome outcome = rotateWith(base, Map.of(Setting.TENANTCTL_FAIL_AT, kind.step(stage)),
                        slug, kind);
                assertThat(outcome).as(kind.step(stage)).isInstanceOf(RotationOutcome.Failed.class);
                RotationOutcome.Failed failed = (RotationOutcome.Failed) outcome;
                assertThat(failed.working()).as(kind.step(stage) + ": " + failed.proof())
                        .isEqualTo(stage.equals("recorded") ? "new" : "old");
                assertRecordedCredentialWorks(slug, kind);
                if (!stage.equals("recorded")) {
                    assertThat(Old.of(this, slug).same(before, kind)).as(kind.step(stage)).isTrue();
                }
            }
        }
        // a vault that fails while recording: the new credential is taken back, the old one still works
        for (String target : List.of("postgres", "redis", "object-store", "signing-key")) {
            RotationOutcome outcome = rotateWith(base, Map.of(Setting.TENANTCTL_FAULTS, "vault-put:" + target + "=fail"),
                    slug, EnumSet.allOf(CredentialKind.class).stream()
                            .filter(k -> k.resource().stepName().equals(target)).findFirst().orElseThrow());
            assertThat(outcome).as(target).isInstanceOfSatisfying(RotationOutcome.Failed.class,
                    f -> assertThat(f.working()).as(f.proof()).isEqualTo("old"));
        }
        for (CredentialKind kind : CredentialKind.values()) {
            assertRecordedCredentialWorks(slug, kind);
        }
        assertThat(keys().keyIds(slug)).hasSizeLessThanOrEqualTo(2).contains(currentKey(slug).accessKeyId());
        assertThat(tenants.platform.ledger().audit(slug))
                .filteredOn(r -> r.action().equals("credential-rotation-failed")).hasSize(16);

        // afterwards a clean rotation finds nothing left over
        RotationReport clean = platformWith(base, Map.of(), p ->
                p.rotation().rotate(slug, EnumSet.allOf(CredentialKind.class), "test", tenants.progress));
        assertThat(clean.outcomes()).as(String.join("\n", tenants.log))
                .allMatch(o -> o instanceof RotationOutcome.Rotated);
        assertThat(keys().keyIds(slug)).containsExactly(currentKey(slug).accessKeyId());
        ValidationReport validation = tenants.platform.validateReport(slug, tenants.progress);
        assertThat(validation.passed()).as(String.join("\n", validation.blockingFailures())).isTrue();
    }

    @Test
    void aPendingPasswordAnInterruptedRotationLeftIsRecordedWhenTheServerHasIt() throws Exception {
        Slug slug = tenants.provision("rop");
        // what a crash between "set on the server" and "recorded" leaves: the server has the pending password
        Secret pending = Secret.of("pending-" + System.nanoTime() + "-AbCdEfGhIjKlMnOpQrStUvWxYz");
        vault.put(slug, PostgresPasswordRotation.PENDING, pending);
        postgres().set(slug, pending);
        assertThat(postgres().login(slug, secret(slug, PostgresSchemaDriver.SECRET_PASSWORD)).refused()).isTrue();

        RotationReport report = tenants.platform.rotation().rotate(slug, Set.of(CredentialKind.DB), "test",
                tenants.progress);

        assertThat(report.outcomes()).singleElement().isInstanceOf(RotationOutcome.Rotated.class);
        assertThat(String.join("\n", tenants.log)).contains("pending password the server accepts: recorded it");
        assertThat(postgres().login(slug, pending).refused()).isTrue();
        assertRecordedCredentialWorks(slug, CredentialKind.DB);
        assertThat(vault.get(slug, PostgresPasswordRotation.PENDING)).isEmpty();
    }

    @Test
    void revalidationWarnsAboutCredentialsPastTheMaximumAgeUntilTheyAreRotated() throws Exception {
        Slug slug = tenants.provision("roa");
        // 100 days old, as if provisioned then (only the timestamps: the vault's values are untouched)
        try (java.sql.Connection admin = tenants.platform.services().registry().database().dataSource().getConnection();
             java.sql.PreparedStatement ps = admin.prepareStatement(
                     "UPDATE tenant_secrets SET updated_at = updated_at - interval '100 days' WHERE slug = ?")) {
            ps.setString(1, slug.value());
            assertThat(ps.executeUpdate()).isGreaterThanOrEqualTo(4);
        }
        assertThat(tenants.platform.ledger().details(slug).credentials()).extracting(CredentialAge::name)
                .containsExactlyInAnyOrder("postgres.password", "redis.password", "object-store.secretAccessKey",
                        "signing-key.key");
        assertThat(tenants.platform.ledger().details(slug).credentials())
                .allMatch(a -> a.age().toDays() == 100);

        TenantRevalidation.Checked warned = tenants.platform.revalidation()
                .run(List.of(slug), 1, tenants.progress).checked().get(0);

        io.tenantprovisioning.validation.CheckResult age = ageResult(warned);
        assertThat(age.status()).isEqualTo("WARNING");
        assertThat(((io.tenantprovisioning.validation.CheckOutcome.Warning) age.outcome()).message())
                .contains("older than 90 days", "postgres.password 100 d", "signing-key.key 100 d",
                        "tenantctl rotate " + slug);
        assertThat(warned.after()).as("a warning does not degrade").isEqualTo(
                io.tenantprovisioning.model.TenantState.ACTIVE);

        tenants.platform.rotation().rotate(slug, EnumSet.allOf(CredentialKind.class), "test", tenants.progress);

        assertThat(tenants.platform.ledger().details(slug).credentials()).hasSize(4)
                .allMatch(a -> a.age().toDays() == 0);
        TenantRevalidation.Checked fresh = tenants.platform.revalidation()
                .run(List.of(slug), 1, tenants.progress).checked().get(0);
        assertThat(ageResult(fresh).status()).isEqualTo("PASSED");
    }

    private static io.tenantprovisioning.validation.CheckResult ageResult(TenantRevalidation.Checked checked) {
        return checked.recorded().results().stream().filter(r -> r.checkId().equals("credential-age"))
                .findFirst().orElseThrow();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> CredentialKind.parse("db,ldap,,x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ldap'").hasMessageContaining("'x'").hasMessageContaining("db, redis, s3, jwt");
        assertThat(CredentialKind.parse(" JWT , db")).containsExactly(CredentialKind.DB, CredentialKind.JWT);
        Slug unknown = Slug.of("no-such-tenant-" + System.nanoTime() % 100000);
        assertThatThrownBy(() -> tenants.platform.rotation().rotate(unknown, Set.of(CredentialKind.DB), "t",
                ProgressListener.silent())).hasMessageContaining(unknown.value());
    }

    @Test
    void onlyServingTenantsAreRotated() {
        Slug slug = tenants.provision("ros");
        tenants.platform.offboard(slug, ProgressListener.silent());
        assertThatThrownBy(() -> tenants.platform.rotation().rotate(slug, Set.of(CredentialKind.REDIS), "t",
                ProgressListener.silent())).isInstanceOf(StateConflictException.class).hasMessageContaining("OFFBOARDED");
    }

    // ---- helpers

    private RotationOutcome rotateWith(Settings base, Map<Setting, String> extra, Slug slug, CredentialKind kind) {
        return platformWith(base, extra, p -> p.rotation().rotate(slug, Set.of(kind), "test", tenants.progress))
                .outcomes().get(0);
    }

    private static <T> T platformWith(Settings base, Map<Setting, String> extra,
                                      java.util.function.Function<TenantPlatform, T> work) {
        try (TenantPlatform platform = TenantPlatform.open(base.with(extra), ProgressListener.silent())) {
            return work.apply(platform);
        }
    }

    /** Reads what the registry records for the kind now and logs in with it for real. */
    private void assertRecordedCredentialWorks(Slug slug, CredentialKind kind) throws Exception {
        CredentialProbe probe = switch (kind) {
            case DB -> postgres().login(slug, secret(slug, PostgresSchemaDriver.SECRET_PASSWORD));
            case REDIS -> redis().login(slug, secret(slug, RedisNamespaceDriver.SECRET_PASSWORD));
            case S3 -> keys().probe(currentKey(slug));
            case JWT -> {
                String token = tenants.platform.services().tokens().issue(slug, Duration.ofMinutes(1));
                yield tenants.platform.services().tokens().verify(token).equals(slug)
                        ? new CredentialProbe.Accepted("token verified") : new CredentialProbe.Refused("other tenant");
            }
        };
        assertThat(probe.accepted()).as(kind + ": " + probe.detail()).isTrue();
    }

    private int indexOf(String fragment) {
        synchronized (tenants.log) {
            for (int i = 0; i < tenants.log.size(); i++) {
                if (tenants.log.get(i).contains(fragment)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private SigningKeyTokens verifierAt(Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new SigningKeyTokens(vault, new TenantTokens(clock), Duration.ofMinutes(1), clock);
    }

    private Secret secret(Slug slug, String name) {
        return vault.get(slug, name).orElseThrow();
    }

    private TenantObjectCredentials currentKey(Slug slug) {
        TenantObjectCredentials key = new ObjectKeyRotation(keysOptional(), new RotationRecords(
                tenants.platform.services()), java.util.Optional.empty()).current(slug);
        return key;
    }

    private io.tenantprovisioning.resource.postgres.RolePasswords postgres() {
        return tenants.platform.services().postgres().passwords();
    }

    private io.tenantprovisioning.resource.redis.AclPasswords redis() {
        return RedisNamespaceDriver.fromSettings(tenants.platform.settings(), io.tenantprovisioning.testing.TestServices.MARKER).passwords();
    }

    private TenantKeys keys() {
        return keysOptional().orElseThrow();
    }

    private java.util.Optional<TenantKeys> keysOptional() {
        return tenants.platform.services().objectStore().backend().keys();
    }

    /** The credentials as recorded at one moment, to compare with later and to look for in logs. */
    private record Old(Secret postgres, Secret redis, TenantObjectCredentials s3, javax.crypto.SecretKey signingKey) {

        static Old of(CredentialRotationTest test, Slug slug) {
            return new Old(test.secret(slug, PostgresSchemaDriver.SECRET_PASSWORD),
                    test.secret(slug, RedisNamespaceDriver.SECRET_PASSWORD), test.currentKey(slug),
                    TenantTokens.key(test.secret(slug, SigningKeyDriver.SECRET_KEY)));
        }

        boolean same(Old other, CredentialKind kind) {
            return switch (kind) {
                case DB -> postgres.equals(other.postgres);
                case REDIS -> redis.equals(other.redis);
                case S3 -> s3.equals(other.s3);
                case JWT -> signingKey.equals(other.signingKey);
            };
        }

        void assertNoneIn(String text) {
            assertThat(text).doesNotContain(postgres.reveal(), redis.reveal(), s3.secretAccessKey().reveal(),
                    TenantTokens.encode(signingKey).reveal());
        }
    }
}
