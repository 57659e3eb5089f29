package io.tenantprovisioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.testing.KindPhases;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 item 6, on the real Redis 7: the tenant's own user tries broadcast tracking, scripts,
 * SCRIPT KILL and writing the admin-owned tags of its namespace. Before the fix (an ACL starting from
 * {@code +@all}) each got past the ACL; now each is NOPERM, and the tags are as provisioning wrote them.
 */
class RedisUserAttacksTest {

    private final Settings settings = TestServices.settings();
    private final RedisNamespaceDriver driver = RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER);
    private final RedisEndpoint endpoint = RedisEndpoint.fromSettings(settings);
    private final List<Slug> created = new ArrayList<>();

    @AfterEach
    void destroy() throws Exception {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
    }

    private TenantResourceSpec newTenant() {
        Slug slug = TestServices.uniqueSlug("rua");
        created.add(slug);
        return TestTenants.spec(slug, Tier.SILVER);
    }

    @Test
    void theTenantsUserCannotTrackEveryKeyRunScriptsKillScriptsOrRewriteItsTags() throws Exception {
        TenantResourceSpec spec = newTenant();
        TenantAccess tenant = TestTenants.access(spec, List.of(KindPhases.createAndConfigure(driver, spec)));
        RedisUserAttacks user = new RedisUserAttacks(endpoint, tenant);

        assertThat(user.ownKeys()).as("the user still works on its own keys").returns(false, Answer::refused);
        assertThat(List.of(user.clientTrackingBroadcast(), user.eval(), user.scriptKill(), user.writeOwnTags()))
                .allSatisfy(answer -> assertThat(answer.refused()).as(answer.toString()).isTrue());

        ResourceDescription described = driver.describe(spec.slug()).orElseThrow();
        assertThat(described.tags()).containsAllEntriesOf(spec.tags());
    }

    /**
     * A user made before the allow-list (its rules from {@code +@all}, every key) is given today's permissions
     * by configure (which update and {@code tenantctl reconfigure} run again), its password kept.
     */
    @Test
    void configureGivesAUserMadeUnderTheOldRulesTodaysPermissions() throws Exception {
        TenantResourceSpec spec = newTenant();
        var created = KindPhases.createAndConfigure(driver, spec);
        TenantAccess tenant = TestTenants.access(spec, List.of(created));
        try (var admin = endpoint.connect(null, settings.requiredSecret(io.tenantprovisioning.config.Setting.REDIS_PASSWORD))) {
            admin.aclSetUser(spec.slug().redisUser(), "+@all", "allkeys", "allchannels");
        }
        RedisUserAttacks user = new RedisUserAttacks(endpoint, tenant);
        assertThat(List.of(user.clientTrackingBroadcast(), user.eval(), user.scriptKill()))
                .as("under the old rules each gets past the ACL").noneSatisfy(a -> assertThat(a.refused()).isTrue());

        driver.configure(spec, created);

        assertThat(List.of(user.clientTrackingBroadcast(), user.eval(), user.scriptKill(), user.writeOwnTags()))
                .allSatisfy(answer -> assertThat(answer.refused()).as(answer.toString()).isTrue());
        assertThat(user.ownKeys()).as("its password and own keys still work").returns(false, Answer::refused);
    }

    @Test
    void theTenantsUserCannotReadAnotherTenantsKeys() throws Exception {
        TenantResourceSpec a = newTenant();
        TenantResourceSpec b = newTenant();
        TenantAccess tenant = TestTenants.access(a, List.of(driver.create(a)));
        driver.create(b);

        assertThat(new RedisUserAttacks(endpoint, tenant).readKey(b.slug()).refused()).isTrue();
    }
}
