package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.rag.DemoDocuments;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import io.tenantprovisioning.resource.vector.NamespaceDescription;
import io.tenantprovisioning.resource.vector.VectorNamespaceDriver;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * CONFIGURING is a real phase on the real services: the saga claims it before the engine's configure
 * phase runs, the tier's configuration appears only then (the Redis quota, the Gold demo documents, the
 * Prometheus target), the audit trail records what was created and what was configured, and a failure in
 * any kind's configure phase is a failure in CONFIGURING that leaves nothing of the tenant.
 */
class ConfiguringPhaseTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Slug> created = new ArrayList<>();
    private Settings settings;
    private TenantPlatform platform;

    @AfterEach
    void cleanUp() {
        try {
            for (Slug slug : created) {
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** What the services and the registry held at one moment of the run. */
    private record Seen(String moment, TenantState state, String quota, long demoPassages, boolean target) {
    }

    @Test
    void theTiersConfigurationIsAppliedWhileTheTenantIsConfiguring() throws Exception {
        open(Map.of());
        Slug slug = newSlug("cfg");
        List<Seen> seen = new ArrayList<>();
        ProgressListener progress = (step, message) -> {
            record(step, message);
            if (message.startsWith("created signing-key") || message.startsWith("configuring ")
                    || message.startsWith("configured redis") || message.startsWith("configured vector")
                    || message.startsWith("configured monitoring")) {
                seen.add(look(message.split(" ")[0] + " " + message.split(" ")[1], slug));
            }
        };

        ProvisioningResult result = provision(slug, "gold", progress);

        assertThat(result).as(logText()).isInstanceOf(ProvisioningResult.Provisioned.class);
        String qpm = Integer.toString(TierCatalog.load().config(Tier.GOLD).queriesPerMinute());
        long demo = DemoDocuments.load().size();
        assertThat(seen).as(logText()).containsExactly(
                new Seen("created signing-key", TenantState.PROVISIONING, null, 0, false),
                new Seen("configuring the", TenantState.CONFIGURING, null, 0, false),
                new Seen("configured redis", TenantState.CONFIGURING, qpm, 0, false),
                new Seen("configured vector", TenantState.CONFIGURING, qpm, demo, false),
                new Seen("configured monitoring", TenantState.CONFIGURING, qpm, demo, true));
        assertThat(state(slug)).isEqualTo(TenantState.VALIDATING);

        List<AuditRecord> transitions = transitions(slug);
        assertThat(transitions).extracting(AuditRecord::toState)
                .containsExactly("APPROVED", "PROVISIONING", "CONFIGURING", "VALIDATING");
        assertThat(transitions.get(2).reason()).startsWith("resources created: postgres " + slug.sqlIdentifier())
                .contains("redis " + slug.redisUser(), "vector " + slug.qualifiedName(),
                        "signing-key " + slug.qualifiedName() + "/signing-key");
        assertThat(transitions.get(3).reason()).startsWith("configured Gold: " + qpm + " queries/min")
                .contains("postgres: tables documents, chunks, query_log with row-level security enabled and forced",
                        "redis: tier quota " + qpm + " queries/min", "vector: " + demo + " demo passages indexed",
                        "monitoring: Prometheus target");

        // the journal holds the resources as configured, not as they were right after create
        JournalEntry vector = journal(slug).stream().filter(e -> e.kind() == ResourceKind.VECTOR).findFirst()
                .orElseThrow();
        assertThat(vector.attributes()).containsEntry(VectorNamespaceDriver.ATTR_DOCUMENTS, Long.toString(demo));
        assertThat(((ProvisioningResult.Provisioned) result).outputs())
                .containsEntry(RedisNamespaceDriver.ATTR_QUOTA_QPM, qpm)
                .containsKey(MonitoringDriver.TARGET_FILE);
    }

    static Stream<String> configureFailures() {
        return Stream.concat(Arrays.stream(ResourceKind.values()).map(k -> "TENANTCTL_FAIL_AT=" + k.configureStepName()),
                Stream.of("TENANTCTL_FAULTS=driver-configure:redis=fail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configureFailures")
    void aFailureInAnyKindsConfigurePhaseRollsTheTenantBackToNothing(String hook) throws Exception {
        String[] setting = hook.split("=", 2);
        open(Map.of(Setting.valueOf(setting[0]), setting[1]));
        Slug slug = newSlug("cff");
        AtomicReference<Map<ResourceKind, List<String>>> atFailure = new AtomicReference<>();
        try (TenantFootprint footprint = new TenantFootprint(settings)) {
            ProgressListener progress = (step, message) -> {
                record(step, message);
                if (message.startsWith("FAILED in ")) {
                    atFailure.set(footprintOf(footprint, slug));
                }
            };

            ProvisioningResult result = provision(slug, "bronze", progress);

            assertThat(result).as(logText()).isInstanceOf(ProvisioningResult.RolledBack.class);
            ProvisioningResult.RolledBack rolledBack = (ProvisioningResult.RolledBack) result;
            assertThat(rolledBack.reason()).contains(setting[0].equals("TENANTCTL_FAIL_AT")
                    ? "injected failure at step '" + setting[1] + "'" : "driver-configure:redis");
            assertThat(rolledBack.rollback().complete()).as(logText()).isTrue();
            assertThat(log).contains("provision: FAILED in CONFIGURING: " + rolledBack.reason());
            assertThat(atFailure.get()).as("every kind was created before configuring failed\n%s", logText())
                    .containsOnlyKeys(ResourceKind.values());

            assertThat(state(slug)).isEqualTo(TenantState.ROLLED_BACK);
            assertThat(transitions(slug)).extracting(AuditRecord::toState).containsExactly("APPROVED",
                    "PROVISIONING", "CONFIGURING", "ROLLING_BACK", "ROLLED_BACK");
            assertThat(footprint.of(slug)).as("left on the services").isEmpty();
            assertThat(platform.services().vault().all(slug)).isEmpty();
            assertThat(journal(slug)).hasSize(ResourceKind.values().length)
                    .allMatch(e -> e.status() == JournalStatus.DELETED, "every journal entry DELETED");
        }
    }

    private ProvisioningResult provision(Slug slug, String tier, ProgressListener progress) {
        SubmissionResult submitted = platform.submit(TestRequests.draft(slug, tier, 500_000, null), Actor.stated("test"));
        assertThat(submitted.autoApproved()).isTrue();
        return platform.provisionHandler().provision(submitted.requestId(), EngineKind.DIRECT, progress);
    }

    private Seen look(String moment, Slug slug) {
        try (Jedis admin = RedisEndpoint.fromSettings(settings)
                .connect(null, settings.requiredSecret(Setting.REDIS_PASSWORD))) {
            String quota = admin.hget(TenantAcl.metaKey(slug), RedisNamespaceDriver.QUOTA_QPM_FIELD);
            long passages = platform.services().vectorStore().describe(slug).map(NamespaceDescription::documents)
                    .orElse(-1L);
            boolean target = Files.exists(settings.dir(Setting.PROMETHEUS_FILE_SD_DIR, "prometheus-targets")
                    .resolve(MonitoringDriver.fileName(slug)));
            return new Seen(moment, state(slug), quota, passages, target);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the services", e);
        }
    }

    private TenantState state(Slug slug) {
        return platform.services().registry().tenants().require(slug).state();
    }

    private List<AuditRecord> transitions(Slug slug) {
        return platform.services().registry().audit().forTenant(slug.value()).stream()
                .filter(r -> r.action().equals("transition")).toList();
    }

    private List<JournalEntry> journal(Slug slug) {
        Registry registry = platform.services().registry();
        return registry.journal().entries(registry.tenants().require(slug).id());
    }

    private static Map<ResourceKind, List<String>> footprintOf(TenantFootprint footprint, Slug slug) {
        try {
            return footprint.of(slug);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the services", e);
        }
    }

    private void open(Map<Setting, String> extra) {
        settings = TestServices.settingsIn(dataDir, extra);
        platform = TenantPlatform.open(settings, this::record);
    }

    private Slug newSlug(String prefix) {
        Slug slug = TestServices.uniqueSlug(prefix);
        created.add(slug);
        return slug;
    }

    private void record(String step, String message) {
        log.add(step + ": " + message);
    }

    private String logText() {
        return String.join("\n", log);
    }
}
