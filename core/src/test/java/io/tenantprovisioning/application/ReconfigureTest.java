package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantctl reconfigure} on the real services: a serving tenant whose Redis user has the rules of a
 * tenantctl from before the allow-list ({@code +@all}, every key) is DEGRADED by re-validation (the isolation
 * check sees it); reconfigure re-applies today's configuration and the tenant is ACTIVE again.
 */
class ReconfigureTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private Settings settings;
    private TenantPlatform platform;
    private Slug slug;

    @BeforeEach
    void provision() {
        settings = TestServices.settingsIn(dataDir, Map.of());
        platform = TenantPlatform.open(settings, progress);
        slug = TestServices.uniqueSlug("reconf");
        PipelineOutcome outcome = platform.job().run(TestRequests.draft(slug, "bronze", 500_000, null),
                "reconfigure-test", EngineKind.DIRECT, progress);
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
    }

    @AfterEach
    void close() {
        try {
            TenantCleanup.finish(platform, slug);
        } finally {
            platform.close();
        }
    }

    @Test
    void aTenantWithTheOldRedisRulesIsDegradedThenReconfiguredToActive() {
        try (var admin = RedisEndpoint.fromSettings(settings).connect(null,
                settings.requiredSecret(Setting.REDIS_PASSWORD))) {
            admin.aclSetUser(slug.redisUser(), "+@all", "allkeys", "allchannels");
        }
        RevalidationReport before = platform.revalidation().run(List.of(slug), 1, progress);
        assertThat(before.checked()).singleElement().satisfies(t -> {
            assertThat(t.after()).isEqualTo(TenantState.DEGRADED);
            assertThat(t.report().blockingFailures()).anyMatch(f -> f.toLowerCase().contains("isolation"));
        });

        RevalidationReport after = platform.reconfigureHandler().reconfigure(slug, progress);

        assertThat(after.checked()).as(String.join("\n", log)).singleElement().satisfies(t -> {
            assertThat(t.before()).isEqualTo(TenantState.DEGRADED);
            assertThat(t.after()).isEqualTo(TenantState.ACTIVE);
        });
        assertThat(platform.ledger().audit(slug)).extracting(AuditRecord::action)
                .contains(ReconfigureHandler.AUDIT_ACTION);
    }

    @Test
    void aTenantThatDoesNotServeIsRefused() {
        platform.offboard(slug, progress);

        assertThatThrownBy(() -> platform.reconfigureHandler().reconfigure(slug, progress))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("nothing was changed");
    }
}
