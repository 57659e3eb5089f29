package io.tenantprovisioning.resource.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.testing.KindPhases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

class RedisNamespaceDriverTest {

    private final Settings settings = TestServices.settings();
    private final RedisEndpoint endpoint = RedisEndpoint.fromSettings(settings);
    private final Secret adminPassword = settings.requiredSecret(Setting.REDIS_PASSWORD);
    private final RedisNamespaceDriver driver = RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER);
    private final List<Slug> created = new ArrayList<>();

    @AfterEach
    void cleanUp() throws ResourceException {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
    }

    private TenantResourceSpec newTenant(Tier tier) {
        Slug slug = TestServices.uniqueSlug("rds");
        created.add(slug);
        return TestTenants.spec(slug, tier);
    }

    private Jedis asTenant(CreatedResource r) {
        return endpoint.connect(r.attributes().get("redis.user"), r.secrets().get("redis.password"));
    }

    @Test
    void createsAclUserLimitedToItsPrefixAndMetaHash() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.GOLD);
        CreatedResource r = KindPhases.createAndConfigure(driver, spec);
        Slug slug = spec.slug();

        assertThat(r.attributes()).containsEntry("redis.user", "t_" + slug.value())
                .containsEntry("redis.prefix", "t:" + slug.value() + ":").containsKeys("redis.host", "redis.port");
        assertThat(r.secrets().get("redis.password").reveal()).hasSizeGreaterThanOrEqualTo(32);
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            var user = admin.aclGetUser(slug.redisUser());
            assertThat(user.getFlags()).contains("on");
            assertThat(user.getKeys()).isEqualTo("~t:" + slug.value() + ":*");
            assertThat(user.getChannels()).isEqualTo("&t:" + slug.value() + ":*");
            // Redis folds rules already covered by a category, so ask it what the user may run
            // an allow-list since issue #15 item 6 (it was +@all minus a deny-list)
            assertThat(user.getCommands()).startsWith("-@all").doesNotContain("+@all", "+@scripting", "+@admin")
                    .contains("+@string", "+@hash", "-scan");
            for (List<String> serverWide : List.of(List.of("client", "tracking", "on", "bcast"),
                    List.of("eval", "return 1", "0"), List.of("script", "kill"), List.of("select", "1"))) {
                assertThat(admin.aclDryRun(slug.redisUser(), serverWide.get(0),
                        serverWide.subList(1, serverWide.size()).toArray(String[]::new))).as(serverWide.toString())
                        .isNotEqualTo("OK");
            }
            for (List<String> keyless : List.of(List.of("keys", "*"), List.of("scan", "0"), List.of("flushall"),
                    List.of("flushdb"), List.of("randomkey"), List.of("dbsize"), List.of("swapdb", "0", "1"))) {
                assertThat(admin.aclDryRun(slug.redisUser(), keyless.get(0),
                        keyless.subList(1, keyless.size()).toArray(String[]::new))).as(keyless.get(0)).isNotEqualTo("OK");
            }
            assertThat(admin.hget(TenantAcl.metaKey(slug), RedisNamespaceDriver.QUOTA_QPM_FIELD))
                    .isEqualTo(Integer.toString(spec.tierConfig().queriesPerMinute()));
        }
        try (Jedis tenant = asTenant(r)) {
            tenant.set(slug.redisPrefix() + "greeting", "hello");
            assertThat(tenant.get(slug.redisPrefix() + "greeting")).isEqualTo("hello");
            assertThatThrownBy(() -> tenant.get("t:someone-else:greeting")).hasMessageStartingWith("NOPERM");
            assertThatThrownBy(() -> tenant.keys("*")).hasMessageStartingWith("NOPERM");
        }
        ResourceDescription d = driver.describe(slug).orElseThrow();
        assertThat(d.tags()).containsExactlyInAnyOrderEntriesOf(TestServices.MARKER.stamp(spec.tags(), spec.slug()));
        assertThat(d.identifier()).isEqualTo(slug.redisUser());
        assertThat(driver.listManaged()).contains(new ManagedResource(ResourceKind.REDIS, slug.redisUser(), slug.value()));
    }

    @Test
    void reCreateIsIdempotentAndReplacesThePassword() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.SILVER);
        CreatedResource first = driver.create(spec);
        CreatedResource second = driver.create(spec);

        assertThat(second.identifier()).isEqualTo(first.identifier());
        try (Jedis tenant = asTenant(second)) {
            assertThat(tenant.ping()).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> asTenant(first).ping()).isInstanceOf(JedisException.class)
                .hasMessageContaining("WRONGPASS");
        assertThat(driver.describe(spec.slug()).orElseThrow().tags()).containsAllEntriesOf(spec.tags());
    }

    @Test
    void destroyDeletesUserAndEveryKeyAndIsIdempotent() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.BRONZE);
        CreatedResource r = KindPhases.createAndConfigure(driver, spec);
        Slug slug = spec.slug();
        try (Jedis tenant = asTenant(r)) {
            for (int i = 0; i < 1_200; i++) {
                tenant.set(slug.redisPrefix() + "k" + i, "v");
            }
            driver.destroy(slug);
            driver.destroy(slug);
            // Redis closes the connections of a deleted user
            assertThatThrownBy(tenant::ping).isInstanceOf(JedisException.class);
        }
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            assertThat(admin.aclGetUser(slug.redisUser())).isNull();
            assertThat(admin.scan("0", new redis.clients.jedis.params.ScanParams()
                    .match(slug.redisPrefix() + "*").count(10_000)).getResult()).isEmpty();
            assertThat(admin.exists(TenantAcl.metaKey(slug))).isFalse();
        }
        assertThat(driver.describe(slug)).isEmpty();
        assertThat(driver.listManaged()).extracting(ManagedResource::tenantSlug).doesNotContain(slug.value());
    }

    /** Tenants provisioned before issue #15 keep their hash inside their prefix: still described, swept, removed. */
    @Test
    void aMetaHashWhereOlderTenantsKeptItIsStillFoundAndRemoved() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.BRONZE);
        Slug slug = spec.slug();
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            TestServices.MARKER.stamp(spec.tags(), slug).forEach((k, v) -> admin.hset(TenantAcl.legacyMetaKey(slug),
                    RedisNamespaceDriver.TAG_FIELD_PREFIX + k, v));
        }

        assertThat(driver.describe(slug)).hasValueSatisfying(d -> assertThat(d.tags()).containsAllEntriesOf(spec.tags()));
        assertThat(driver.listManaged()).contains(new ManagedResource(ResourceKind.REDIS,
                TenantAcl.legacyMetaKey(slug), slug.value()));
        driver.destroy(slug);
        assertThat(driver.describe(slug)).isEmpty();
    }

    @Test
    void aMetaHashWithoutItsUserIsListedForTheSweep() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.GOLD);
        driver.create(spec);
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            admin.aclDelUser(spec.slug().redisUser());
        }
        assertThat(driver.listManaged()).contains(new ManagedResource(ResourceKind.REDIS,
                TenantAcl.metaKey(spec.slug()), spec.slug().value()));
        assertThat(driver.describe(spec.slug())).hasValueSatisfying(
                d -> assertThat(d.tags()).containsAllEntriesOf(spec.tags()));
    }

    @Test
    void describeOfAnUnknownTenantIsEmpty() throws Exception {
        assertThat(driver.describe(TestServices.uniqueSlug("rds"))).isEmpty();
    }

    @Test
    void noPasswordInFailuresOrPrintedResults() throws Exception {
        TenantResourceSpec spec = newTenant(Tier.GOLD);
        CreatedResource r = driver.create(spec);
        String password = r.secrets().get("redis.password").reveal();
        assertThat(r.toString()).doesNotContain(password);
        assertThatThrownBy(() -> endpoint.connect(spec.slug().redisUser(), Secret.of(password + "x")).ping())
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(password));

        Secret wrongAdmin = Secret.of(adminPassword.reveal() + "-wrong");
        RedisNamespaceDriver badAdmin = new RedisNamespaceDriver(endpoint, wrongAdmin, new RandomSecrets(), TestServices.MARKER);
        assertThatThrownBy(() -> badAdmin.create(TestTenants.spec(TestServices.uniqueSlug("rds"), Tier.GOLD)))
                .isInstanceOf(ResourceException.class)
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrongAdmin.reveal())
                        .doesNotContain(adminPassword.reveal()));
    }

    private static String fullText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}
