package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Drives the isolation check with real probes (Redis ACL users on the shared local Redis, real
 * folders) and breaks isolation on purpose: every violation must turn the check red.
 */
class CrossTenantIsolationCheckTest {

    @TempDir
    Path temp;

    private Settings settings;
    private Jedis admin;
    private final List<Slug> created = new ArrayList<>();
    private TenantAccess a;
    private TenantAccess b;

    @BeforeEach
    void twoTenants() throws Exception {
        settings = TestServices.settings();
        admin = new Jedis(new HostAndPort(settings.string(Setting.REDIS_HOST), settings.integer(Setting.REDIS_PORT)),
                DefaultJedisClientConfig.builder().password(settings.requiredSecret(Setting.REDIS_PASSWORD).reveal())
                        .build());
        a = tenant(TestServices.uniqueSlug("iso"));
        b = tenant(TestServices.uniqueSlug("iso"));
    }

    @AfterEach
    void removeTenants() {
        if (admin == null) {
            return;
        }
        for (Slug slug : created) {
            removeTenant(slug);
        }
        admin.close();
    }

    /** A tenant with its own Redis ACL user confined to its prefix, a key, and a folder with a file. */
    private TenantAccess tenant(Slug slug) throws Exception {
        created.add(slug);
        String password = UUID.randomUUID().toString();
        admin.aclSetUser(slug.redisUser(), "reset", "on", ">" + password, "~" + slug.redisPrefix() + "*",
                "&" + slug.redisPrefix() + "*", "+@read", "+@write", "-@dangerous");
        admin.set(slug.redisPrefix() + "probe", "data of " + slug);
        Path root = Files.createDirectories(temp.resolve(slug.value()));
        Files.writeString(root.resolve("secret.txt"), "data of " + slug);
        return TestTenants.access(slug,
                Map.of(RedisKeyProbe.USER, slug.redisUser(), FolderEscapeProbe.ROOT, root.toString()),
                Map.of(RedisKeyProbe.PASSWORD, Secret.of(password)));
    }

    private void removeTenant(Slug slug) {
        admin.aclDelUser(slug.redisUser());
        admin.del(slug.redisPrefix() + "probe");
    }

    private boolean redisUserExists(Slug slug) {
        return admin.aclUsers().contains(slug.redisUser());
    }

    private CrossTenantIsolationCheck check(PeerTenantSource peers, IsolationProbe... probes) {
        return new CrossTenantIsolationCheck(List.of(probes), peers);
    }

    @Test
    void isolatedTenantsPassInBothDirectionsOnEveryBackend() throws Exception {
        CheckOutcome outcome = check(PeerTenantSource.existing(b), new RedisKeyProbe(settings), new FolderEscapeProbe())
                .run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(outcome.message()).isEqualTo("isolated from " + b.slug() + " on redis, filesystem (both directions)");
        assertThat(((CheckOutcome.Passed) outcome).figure()).isEqualTo("4 probes, 0 violations");
        assertThat(admin.get(b.slug().redisPrefix() + "probe")).isEqualTo("data of " + b.slug());
    }

    @Test
    void aWidenedRedisAclFailsTheCheckNamingBackendAndDirection() throws Exception {
        admin.aclSetUser(a.slug().redisUser(), "allkeys");

        CheckOutcome outcome = check(PeerTenantSource.existing(b), new RedisKeyProbe(settings), new FolderEscapeProbe())
                .run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        String key = b.slug().redisPrefix() + "probe";
        assertThat(outcome.message()).isEqualTo(String.join("\n",
                "2 isolation violation(s) between " + a.slug() + " and " + b.slug() + ":",
                "- redis " + a.slug() + "→" + b.slug() + ": GET " + key + " succeeded",
                "- redis " + a.slug() + "→" + b.slug() + ": SET " + key + " succeeded"));
        assertThat(((CheckOutcome.Failed) outcome).figure()).isEqualTo("2 violations, 0 probe errors");
    }

    @Test
    void theReverseDirectionIsProbedToo() throws Exception {
        admin.aclSetUser(b.slug().redisUser(), "allkeys");

        CheckOutcome outcome = check(PeerTenantSource.existing(b), new RedisKeyProbe(settings)).run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message())
                .contains("- redis " + b.slug() + "→" + a.slug() + ": GET " + a.slug().redisPrefix() + "probe succeeded")
                .doesNotContain("redis " + a.slug() + "→" + b.slug());
    }

    @Test
    void aLinkIntoThePeersFolderIsReported() throws Exception {
        Path aRoot = Path.of(a.attribute(FolderEscapeProbe.ROOT).orElseThrow());
        Path bRoot = Path.of(b.attribute(FolderEscapeProbe.ROOT).orElseThrow());
        Files.createSymbolicLink(aRoot.resolve("shortcut"), bRoot);

        CheckOutcome outcome = check(PeerTenantSource.existing(b), new RedisKeyProbe(settings), new FolderEscapeProbe())
                .run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains(
                "- filesystem " + a.slug() + "→" + b.slug() + ": read secret.txt through shortcut/secret.txt");
        assertThat(outcome.message()).doesNotContain("redis");
    }

    @Test
    void aCanaryPeerIsRemovedEvenWhenAProbeThrows() throws Exception {
        AtomicInteger cleanups = new AtomicInteger();
        PeerTenantSource canaries = self -> {
            TenantAccess canary = tenant(TestServices.uniqueSlug("canary"));
            return new PeerTenant(canary, () -> {
                cleanups.incrementAndGet();
                removeTenant(canary.slug());
            });
        };
        IsolationProbe broken = new IsolationProbe() {
            @Override
            public String backend() {
                return "vector";
            }

            @Override
            public List<String> violations(TenantAccess self, TenantAccess other) {
                throw new IllegalStateException("index of " + other.slug() + " is locked");
            }
        };

        CheckOutcome outcome = check(canaries, new RedisKeyProbe(settings), broken).run(a);

        Slug canary = created.get(created.size() - 1);
        assertThat(cleanups).hasValue(1);
        assertThat(redisUserExists(canary)).as("canary's Redis user removed").isFalse();
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains(
                "- vector " + a.slug() + "→" + canary + ": probe could not run: IllegalStateException: index of "
                        + canary + " is locked",
                "- vector " + canary + "→" + a.slug() + ": probe could not run");
        assertThat(((CheckOutcome.Failed) outcome).figure()).isEqualTo("0 violations, 2 probe errors");
    }

    @Test
    void theCanaryIsRemovedWhenTheSuiteTimesTheCheckOut() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        PeerTenantSource canaries = self -> new PeerTenant(b, released::countDown);
        IsolationProbe hanging = new IsolationProbe() {
            @Override
            public String backend() {
                return "postgres";
            }

            @Override
            public List<String> violations(TenantAccess self, TenantAccess other) throws Exception {
                Thread.sleep(120_000);
                return List.of();
            }
        };

        ValidationReport report = new ValidationSuite(List.of(check(canaries, hanging)), Duration.ofMillis(500))
                .run(a, ProgressListener.silent());

        assertThat(report.results().get(0).status()).isEqualTo("TIMED_OUT");
        assertThat(released.await(30, TimeUnit.SECONDS)).as("cleanup ran after the interrupt").isTrue();
    }

    @Test
    void backendsAreProbedAtOnceAndReportedInTheProbesOrder() throws Exception {
        // each probe waits until every backend's probe has started: only a check that probes the backends
        // at the same time gets past the barrier; probed one after the other, the first probe times out
        java.util.concurrent.CyclicBarrier allStarted = new java.util.concurrent.CyclicBarrier(2);
        IsolationProbe waiting = new IsolationProbe() {
            @Override
            public String backend() {
                return "vector";
            }

            @Override
            public List<String> violations(TenantAccess self, TenantAccess other) throws Exception {
                if (self.slug().equals(a.slug())) {
                    allStarted.await(20, TimeUnit.SECONDS);
                }
                return List.of("marker of " + other.slug() + " returned");
            }
        };
        admin.aclSetUser(a.slug().redisUser(), "allkeys");
        RedisKeyProbe realRedis = new RedisKeyProbe(settings);
        IsolationProbe redis = new IsolationProbe() {
            @Override
            public String backend() {
                return realRedis.backend();
            }

            @Override
            public List<String> violations(TenantAccess self, TenantAccess other) throws Exception {
                if (self.slug().equals(a.slug())) {
                    allStarted.await(20, TimeUnit.SECONDS);
                }
                return realRedis.violations(self, other);
            }
        };

        CheckOutcome outcome = check(PeerTenantSource.existing(b), waiting, redis).run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).doesNotContain("could not run", "interrupted");
        String key = b.slug().redisPrefix() + "probe";
        assertThat(outcome.message()).isEqualTo(String.join("\n",
                "4 isolation violation(s) between " + a.slug() + " and " + b.slug() + ":",
                "- vector " + a.slug() + "→" + b.slug() + ": marker of " + b.slug() + " returned",
                "- vector " + b.slug() + "→" + a.slug() + ": marker of " + a.slug() + " returned",
                "- redis " + a.slug() + "→" + b.slug() + ": GET " + key + " succeeded",
                "- redis " + a.slug() + "→" + b.slug() + ": SET " + key + " succeeded"));
    }

    @Test
    void aTimedOutCheckInterruptsTheProbesStillRunning() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        IsolationProbe hanging = new IsolationProbe() {
            @Override
            public String backend() {
                return "postgres";
            }

            @Override
            public List<String> violations(TenantAccess self, TenantAccess other) {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return List.of();
            }
        };

        ValidationReport report = new ValidationSuite(List.of(check(PeerTenantSource.existing(b), hanging,
                new FolderEscapeProbe())), Duration.ofMillis(500)).run(a, ProgressListener.silent());

        assertThat(report.results().get(0).status()).isEqualTo("TIMED_OUT");
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the probe's thread was interrupted").isTrue();
    }

    @Test
    void aFailedCleanupFailsTheCheckAndSaysWhatToRemove() {
        PeerTenantSource leaky = self -> new PeerTenant(b, () -> {
            throw new IllegalStateException("bucket not empty");
        });

        CheckOutcome outcome = check(leaky, new FolderEscapeProbe()).run(a);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).isEqualTo("- cleanup of peer tenant " + b.slug() + " failed, remove it with "
                + "'tenantctl rollback " + b.slug() + "': IllegalStateException: bucket not empty");
    }

    @Test
    void noPeerMeansNoProof() {
        CheckOutcome outcome = check(self -> {
            throw new IllegalStateException("no other active tenant and canary creation is disabled");
        }, new FolderEscapeProbe()).run(a);
        assertThat(outcome).isEqualTo(new CheckOutcome.Failed("could not obtain a peer tenant to test isolation "
                + "against: IllegalStateException: no other active tenant and canary creation is disabled", null));

        AtomicInteger cleanups = new AtomicInteger();
        CheckOutcome self = check(s -> new PeerTenant(a, cleanups::incrementAndGet), new FolderEscapeProbe()).run(a);
        assertThat(self).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(self.message()).contains("the peer tenant is " + a.slug() + " itself");
        assertThat(cleanups).hasValue(1);
    }

    @Test
    void aCheckWithoutProbesIsRefused() {
        assertThatThrownBy(() -> new CrossTenantIsolationCheck(List.of(), PeerTenantSource.existing(b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one isolation probe");
        CrossTenantIsolationCheck check = check(PeerTenantSource.existing(b), new FolderEscapeProbe());
        assertThat(check.id()).isEqualTo("cross-tenant-isolation");
        assertThat(check.critical()).isTrue();
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
