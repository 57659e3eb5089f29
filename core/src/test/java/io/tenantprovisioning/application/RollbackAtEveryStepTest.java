package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.model.EngineKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TENANTCTL_FAIL_AT at every step of the pipeline, on the real services: the tenant ends ROLLED_BACK
 * with a clean sweep, and the services themselves (read as their admin, not through the drivers) hold
 * nothing of it — while just before the rollback they held exactly what the failed step had reached.
 */
class RollbackAtEveryStepTest {

    /** Kinds whose driver runs before each driver step (drivers run in ResourceKind order). */
    private static final List<ResourceKind> ORDER = List.of(ResourceKind.values());

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Slug> created = new ArrayList<>();
    private TenantFootprint footprint;
    private TenantPlatform platform;

    @BeforeEach
    void connect() {
        footprint = new TenantFootprint(settings(Map.of()));
    }

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
            footprint.close();
        }
    }

    @ParameterizedTest(name = "TENANTCTL_FAIL_AT={0}")
    @ValueSource(strings = {"provision", "postgres", "redis", "object-store", "vector", "monitoring", "signing-key",
            "configure", "validate", "activate"})
    void aFailureAtAnyStepLeavesNothingOnAnyService(String step) throws Exception {
        Run run = provisionFailingAt(step, Map.of());

        assertThat(run.beforeRollback().keySet()).as("resources present when the rollback started\n%s", logText())
                .isEqualTo(createdBefore(step));
        assertRolledBackToNothing(run, step);
    }

    @Test
    void theS3BackendLosesItsBucketAndIamUserOnRollback() throws Exception {
        Run run = provisionFailingAt("validate", Map.of(Setting.OBJECT_STORE, "s3"));

        assertThat(run.beforeRollback().get(ResourceKind.OBJECT_STORE)).as(logText())
                .anyMatch(s -> s.startsWith("s3 bucket tenant-" + run.slug().value()))
                .anyMatch(s -> s.equals("iam user tenant-" + run.slug().value()));
        assertRolledBackToNothing(run, "validate");
    }

    /** The outcome, and what existed on the services at the moment the rollback began. */
    private record Run(Slug slug, PipelineOutcome outcome, Map<ResourceKind, List<String>> beforeRollback) {
    }

    private Run provisionFailingAt(String step, Map<Setting, String> extra) {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        overrides.putAll(extra);
        overrides.put(Setting.TENANTCTL_FAIL_AT, step);
        platform = TenantPlatform.open(settings(overrides), this::record);
        Slug slug = TestServices.uniqueSlug("rb");
        created.add(slug);
        AtomicReference<Map<ResourceKind, List<String>>> snapshot = new AtomicReference<>();
        ProgressListener progress = (name, message) -> {
            record(name, message);
            // Teardown announces "rolling_back" before it destroys anything: the last moment all is still there
            if (name.equals("rolling_back") && snapshot.get() == null) {
                snapshot.set(footprintOf(slug));
            }
        };
        PipelineOutcome outcome = platform.job().run(
                TestRequests.draft(slug, "bronze", 500_000, null), "rollback-test", EngineKind.DIRECT, progress);
        assertThat(snapshot.get()).as("the rollback never started\n%s", logText()).isNotNull();
        return new Run(slug, outcome, snapshot.get());
    }

    private void assertRolledBackToNothing(Run run, String step) throws Exception {
        Slug slug = run.slug();
        assertThat(run.outcome()).as(logText()).isInstanceOf(PipelineOutcome.RolledBack.class);
        PipelineOutcome.RolledBack rolledBack = (PipelineOutcome.RolledBack) run.outcome();
        assertThat(rolledBack.complete()).as(logText()).isTrue();
        assertThat(rolledBack.reason()).contains("injected failure at step '" + step + "'");

        Registry registry = platform.services().registry();
        var tenant = registry.tenants().require(slug);
        assertThat(tenant.state().name()).isEqualTo("ROLLED_BACK");
        assertThat(footprint.of(slug)).as("left on the services after rolling back at %s", step).isEmpty();
        assertThat(platform.services().vault().all(slug)).isEmpty();
        assertThat(platform.sweep(Optional.of(slug), true, this::record).found()).isEmpty();

        List<JournalEntry> journal = registry.journal().entries(tenant.id());
        assertThat(journal).extracting(JournalEntry::kind).containsExactlyElementsOf(journalledBy(step));
        assertThat(journal).allMatch(e -> e.status() == JournalStatus.DELETED, "every journal entry DELETED");

        assertThat(transitions(registry, slug)).endsWith(expectedTail(step));
    }

    /** The states the tenant passed through, checked to form one unbroken chain. */
    private static List<String> transitions(Registry registry, Slug slug) {
        List<AuditRecord> rows = registry.audit().forTenant(slug.value()).stream()
                .filter(r -> r.action().equals("transition")).toList();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).fromState()).as("audit row %d starts where row %d ended", i, i - 1)
                    .isEqualTo(rows.get(i - 1).toState());
        }
        return rows.stream().map(AuditRecord::toState).toList();
    }

    private static String[] expectedTail(String step) {
        List<String> states = new ArrayList<>(List.of("APPROVED", "PROVISIONING"));
        if (List.of("configure", "validate", "activate").contains(step)) {
            states.add("CONFIGURING");
        }
        if (List.of("validate", "activate").contains(step)) {
            states.add("VALIDATING");
        }
        states.addAll(List.of("ROLLING_BACK", "ROLLED_BACK"));
        return states.toArray(String[]::new);
    }

    /** What exists when the armed step throws: every driver before it (a driver step fires before its create). */
    private static Set<ResourceKind> createdBefore(String step) {
        return ORDER.stream().limit(driversReached(step)).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(ResourceKind.class)));
    }

    /** Journal rows written: an intent for each driver up to and including the armed driver step. */
    private static List<ResourceKind> journalledBy(String step) {
        return ORDER.stream().limit(driverStep(step).map(k -> k.ordinal() + 1L).orElse(driversReached(step)))
                .toList();
    }

    private static long driversReached(String step) {
        if (step.equals("provision")) {
            return 0;
        }
        return driverStep(step).map(k -> (long) k.ordinal()).orElse((long) ORDER.size());
    }

    private static Optional<ResourceKind> driverStep(String step) {
        return Arrays.stream(ResourceKind.values()).filter(k -> k.stepName().equals(step)).findFirst();
    }

    private Map<ResourceKind, List<String>> footprintOf(Slug slug) {
        try {
            return footprint.of(slug);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the services", e);
        }
    }

    private Settings settings(Map<Setting, String> extra) {
        return TestServices.settingsIn(dataDir, extra);
    }

    private void record(String step, String message) {
        log.add(step + ": " + message);
    }

    private String logText() {
        return String.join("\n", log);
    }
}
