package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/** The Redis isolation properties, each broken on purpose by widening tenant A's ACL. */
class RedisIsolationProbeTest {

    private final Settings settings = TestServices.settings();
    private final RedisNamespaceDriver driver = RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER);
    private final RedisIsolationProbe probe = RedisIsolationProbe.fromSettings(settings);
    private final RedisEndpoint endpoint = RedisEndpoint.fromSettings(settings);
    private final Secret adminPassword = settings.requiredSecret(Setting.REDIS_PASSWORD);
    private final List<Slug> created = new ArrayList<>();
    private TenantAccess a;
    private TenantAccess b;
    private String userA;

    @BeforeEach
    void twoTenants() throws Exception {
        a = create();
        b = create();
        userA = a.slug().redisUser();
    }

    private TenantAccess create() throws ResourceException {
        TenantResourceSpec spec = TestTenants.spec(TestServices.uniqueSlug("riso"), Tier.SILVER);
        created.add(spec.slug());
        return TestTenants.access(spec, List.of(driver.create(spec)));
    }

    @AfterEach
    void cleanUp() throws ResourceException {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
    }

    private void widenA(String... rules) {
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            admin.aclSetUser(userA, rules);
        }
    }

    @Test
    void healthyTenantsAreIsolated() {
        assertThat(probe.violations(a, b)).isEmpty();
        assertThat(probe.violations(b, a)).isEmpty();
        assertThat(probe.backend()).isEqualTo("redis");
    }

    @Test
    void allKeysIsCaughtByDryRunAndForRealAndLeavesNoKeyBehind() {
        widenA("allkeys");

        List<String> v = probe.violations(a, b);

        String prefixB = b.slug().redisPrefix();
        assertThat(v).anyMatch(s -> s.startsWith("ACL DRYRUN: " + userA + " may run GET " + prefixB))
                .anyMatch(s -> s.startsWith("as " + userA + ": GET " + prefixB) && s.contains("was not refused"))
                .anyMatch(s -> s.startsWith("as " + userA + ": SET " + prefixB))
                .anyMatch(s -> s.startsWith("as " + userA + ": HGETALL " + prefixB + "meta"))
                .anyMatch(s -> s.contains("key patterns are '~t:" + a.slug() + ":* ~*'")
                        || s.contains("key patterns are '~*"));
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            assertThat(admin.scan("0", new ScanParams().match(prefixB + "isolation-probe*").count(10_000))
                    .getResult()).isEmpty();
        }
    }

    @Test
    void theKeysCommandIsCaught() {
        widenA("+keys");

        List<String> v = probe.violations(a, b);

        assertThat(v).contains("ACL DRYRUN: " + userA + " may run KEYS " + b.slug().redisPrefix() + "*")
                .anyMatch(s -> s.startsWith("as " + userA + ": KEYS ") && s.contains("was not refused"));
    }

    @Test
    void scanAndOtherKeylessCommandsAreCaught() {
        widenA("+scan", "+dbsize", "+randomkey");

        List<String> v = probe.violations(a, b);

        assertThat(v).anyMatch(s -> s.startsWith("ACL DRYRUN: " + userA + " may run SCAN 0 MATCH"))
                .anyMatch(s -> s.startsWith("as " + userA + ": SCAN 0 MATCH"))
                .anyMatch(s -> s.startsWith("as " + userA + ": DBSIZE was not refused"))
                .anyMatch(s -> s.startsWith("as " + userA + ": RANDOMKEY was not refused"));
    }

    @Test
    void otherTenantsChannelsAreCaught() {
        widenA("allchannels");

        List<String> v = probe.violations(a, b);

        String channel = b.slug().redisPrefix() + "isolation-probe";
        assertThat(v).contains("ACL DRYRUN: " + userA + " may run PUBLISH " + channel + " isolation-probe",
                        "ACL DRYRUN: " + userA + " may run SUBSCRIBE " + channel)
                .anyMatch(s -> s.startsWith("as " + userA + ": SUBSCRIBE " + channel + " was not refused"))
                .anyMatch(s -> s.startsWith("as " + userA + ": PUBLISH " + channel + " isolation-probe was not refused"))
                .anyMatch(s -> s.contains("channel patterns are"));
    }

    @Test
    void flushAllIsReportedFromDryRunWithoutEverRunningIt() {
        String canary = a.slug().redisPrefix() + "canary";
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            admin.set(canary, "still here");
        }
        widenA("+flushall", "+flushdb");

        List<String> v = probe.violations(a, b);

        assertThat(v).contains("ACL DRYRUN: " + userA + " may run FLUSHALL", "ACL DRYRUN: " + userA + " may run FLUSHDB")
                .noneMatch(s -> s.startsWith("as " + userA + ": FLUSH"));
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            assertThat(admin.get(canary)).isEqualTo("still here");
        }
    }

    @Test
    void scriptsAndBroadcastTrackingAreCaughtWithoutKillingAnyScript() {
        widenA("+@scripting", "+client|tracking");

        List<String> v = probe.violations(a, b);

        assertThat(v).contains("ACL DRYRUN: " + userA + " may run CLIENT TRACKING ON BCAST",
                        "ACL DRYRUN: " + userA + " may run EVAL return 1 0",
                        "ACL DRYRUN: " + userA + " may run SCRIPT KILL")
                .anyMatch(s -> s.startsWith("as " + userA + ": CLIENT TRACKING ON BCAST was not refused"))
                .anyMatch(s -> s.startsWith("as " + userA + ": EVAL return 1 0 was not refused"))
                .noneMatch(s -> s.startsWith("as " + userA + ": SCRIPT KILL"));
    }

    @Test
    void writingItsOwnTagsIsCaughtWithoutChangingThem() throws ResourceException {
        String meta = TenantAcl.metaKey(a.slug());
        widenA("~" + meta);

        List<String> v = probe.violations(a, b);

        assertThat(v).anyMatch(s -> s.startsWith("ACL DRYRUN: " + userA + " may run HSET " + meta))
                .anyMatch(s -> s.contains("key patterns are"))
                .noneMatch(s -> s.startsWith("as " + userA + ": HSET"));
        assertThat(driver.describe(a.slug()).orElseThrow().tags()).containsAllEntriesOf(a.tags())
                .doesNotContainKey("isolation-probe");
    }

    @Test
    void violationsNeverCarryPasswords() {
        widenA("allkeys", "allchannels", "+keys");
        String text = String.join("\n", probe.violations(a, b));
        assertThat(text).isNotBlank()
                .doesNotContain(a.secret("redis.password").orElseThrow().reveal())
                .doesNotContain(b.secret("redis.password").orElseThrow().reveal())
                .doesNotContain(adminPassword.reveal());
    }
}
