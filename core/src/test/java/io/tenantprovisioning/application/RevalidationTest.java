package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantRevalidation;
import io.tenantprovisioning.application.RevalidationReport;
import io.tenantprovisioning.application.DriftFinding;
import io.tenantprovisioning.application.DriftDetector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.UnknownTenantException;
import io.tenantprovisioning.registry.ValidationRunRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.objectstore.FilesystemBackend;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.validation.CrossTenantIsolationCheck;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.model.TenantState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Re-validation on the real local services: tenants provisioned through the whole pipeline, then one
 * broken on purpose (its Redis ACL widened to every key, its bucket deleted, a tag changed).
 */
class RevalidationTest {

    @TempDir
    Path dataDir;

    private ActiveTenants tenants;
    private Revalidation revalidation;
    private Registry registry;

    @BeforeEach
    void open() {
        tenants = new ActiveTenants(dataDir);
        revalidation = tenants.platform.revalidation();
        registry = tenants.platform.services().registry();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void onlyTheBrokenTenantDegradesIsNotifiedOnceThenRecovers() {
        Slug a = tenants.provision("rva");
        Slug broken = tenants.provision("rvb");
        Slug c = tenants.provision("rvc");
        List<Slug> all = List.of(a, broken, c);
        setAcl(broken, "allkeys");

        RevalidationReport first = revalidation.run(all, 2, tenants.progress);

        String log = String.join("\n", tenants.log);
        assertThat(first.checked()).as(log).hasSize(3);
        assertThat(first.degraded()).as(log).containsExactly(broken.value());
        TenantRevalidation.Checked degraded = checked(first, broken);
        assertThat(degraded.before()).isEqualTo(TenantState.ACTIVE);
        assertThat(degraded.after()).isEqualTo(TenantState.DEGRADED);
        assertThat(degraded.notified()).isTrue();
        assertThat(degraded.drift()).isEmpty();
        assertThat(degraded.report().blockingFailures()).as(log)
                .anyMatch(f -> f.startsWith(CrossTenantIsolationCheck.ID + ": FAILED"));
        for (Slug healthy : List.of(a, c)) {
            TenantRevalidation.Checked ok = checked(first, healthy);
            assertThat(ok.before()).isEqualTo(TenantState.ACTIVE);
            assertThat(ok.after()).as(String.join("\n", ok.recorded().blockingFailures()))
                    .isEqualTo(TenantState.ACTIVE);
            assertThat(ok.notified()).isFalse();
            assertThat(ok.drift()).isEmpty();
        }
        assertThat(tenants.state(broken)).isEqualTo("DEGRADED");
        assertThat(tenants.state(a)).isEqualTo("ACTIVE");
        assertThat(tenants.notifications("tenant-degraded")).hasSize(1).allMatch(n -> n.contains(broken.value()));
        assertThat(transitions(broken)).endsWith("ACTIVE→DEGRADED");
        ValidationRunRecord recorded = registry.validationRuns().last(registry.tenants().require(broken).id())
                .orElseThrow();
        assertThat(recorded.passed()).isFalse();
        assertThat(recorded.reportJson()).contains(DriftDetector.CHECK_ID, CrossTenantIsolationCheck.ID);

        RevalidationReport second = revalidation.run(all, 2, tenants.progress);

        TenantRevalidation.Checked still = checked(second, broken);
        assertThat(still.before()).isEqualTo(TenantState.DEGRADED);
        assertThat(still.after()).isEqualTo(TenantState.DEGRADED);
        assertThat(still.notified()).isFalse();
        assertThat(second.checked()).noneMatch(TenantRevalidation.Checked::notified);
        assertThat(tenants.notifications("tenant-degraded")).hasSize(1);
        assertThat(tenants.notifications("tenant-recovered")).isEmpty();

        setAcl(broken, "resetkeys", TenantAcl.keyPattern(broken));
        RevalidationReport third = revalidation.run(List.of(broken), 1, tenants.progress);

        TenantRevalidation.Checked healed = checked(third, broken);
        assertThat(healed.after()).as(String.join("\n", healed.recorded().blockingFailures()))
                .isEqualTo(TenantState.ACTIVE);
        assertThat(healed.notified()).isTrue();
        assertThat(third.anyDegraded()).isFalse();
        assertThat(tenants.state(broken)).isEqualTo("ACTIVE");
        assertThat(tenants.notifications("tenant-recovered")).hasSize(1)
                .allMatch(n -> n.contains(broken.value()) && n.contains(CrossTenantIsolationCheck.ID));
        assertThat(tenants.notifications("tenant-degraded")).hasSize(1);
        assertThat(transitions(broken)).endsWith("ACTIVE→DEGRADED", "DEGRADED→ACTIVE");
        assertNoSecretIn(all, String.join("\n", tenants.log) + recordedJson(all));
    }

    @Test
    void driftFromTheJournalIsFoundAndDegradesEvenWhenTheChecksPass() throws Exception {
        Slug slug = tenants.provision("rvd");
        try (Jedis admin = adminRedis()) {
            admin.hset(TenantAcl.metaKey(slug), RedisNamespaceDriver.TAG_FIELD_PREFIX + "CostCenter", "CC_ELSEWHERE");
        }

        TenantRevalidation.Checked retagged = checked(revalidation.run(List.of(slug), 1, tenants.progress), slug);

        assertThat(retagged.report().passed()).as(String.join("\n", retagged.report().blockingFailures())).isTrue();
        assertThat(retagged.drift()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ResourceKind.REDIS);
            assertThat(f.problem()).isEqualTo(DriftFinding.Problem.TAG_CHANGED);
            assertThat(f.detail()).contains("CostCenter", "CC_ELSEWHERE");
        });
        assertThat(retagged.after()).isEqualTo(TenantState.DEGRADED);
        assertThat(retagged.recorded().blockingFailures()).anyMatch(f -> f.startsWith(DriftDetector.CHECK_ID));
        assertThat(tenants.notifications("tenant-degraded")).singleElement().asString().contains("CC_ELSEWHERE");

        FilesystemBackend store = (FilesystemBackend) tenants.platform.services().objectStore().backend();
        deleteTree(store.root().resolve(store.naming().bucketOf(slug)));
        TenantRevalidation.Checked vanished = checked(revalidation.run(List.of(slug), 1, tenants.progress), slug);

        assertThat(vanished.drift()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(ResourceKind.OBJECT_STORE);
            assertThat(f.problem()).isEqualTo(DriftFinding.Problem.MISSING);
        });
        assertThat(vanished.after()).isEqualTo(TenantState.DEGRADED);
        assertThat(vanished.notified()).isFalse();
    }

    @Test
    void aTenantWhoseLockIsHeldIsSkippedNotFailed() {
        Slug slug = tenants.provision("rvl");
        Optional<ValidationRunRecord> before = registry.validationRuns().last(registry.tenants().require(slug).id());
        RevalidationReport report;
        try (RunLock held = RunLock.acquire(registry, slug, "test-holds-it")) {
            report = revalidation.run(List.of(slug), 1, tenants.progress);
        }
        assertThat(report.tenants()).singleElement().isInstanceOfSatisfying(TenantRevalidation.Skipped.class, s -> {
            assertThat(s.state()).isEqualTo(TenantState.ACTIVE);
            assertThat(s.reason()).contains("test-holds-it");
        });
        assertThat(report.complete()).isTrue();
        assertThat(report.anyDegraded()).isFalse();
        assertThat(registry.validationRuns().last(registry.tenants().require(slug).id())).isEqualTo(before);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingRuns() {
        Slug unknown = TestServices.uniqueSlug("rvu");
        assertThatThrownBy(() -> revalidation.run(List.of(unknown), 1, tenants.progress))
                .isInstanceOf(UnknownTenantException.class).hasMessageContaining(unknown.value());
        assertThatThrownBy(() -> revalidation.run(List.of(), 0, tenants.progress))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be 1-64, got 0");
        assertThat(tenants.log).isEmpty();
        assertThat(revalidation.run(List.of(), 3, tenants.progress).tenants()).isEmpty();
    }

    private static TenantRevalidation.Checked checked(RevalidationReport report, Slug slug) {
        return report.checked().stream().filter(c -> c.slug().equals(slug.value())).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " was not checked: " + report.tenants()));
    }

    private List<String> transitions(Slug slug) {
        return registry.audit().forTenant(slug.value()).stream().filter(r -> r.action().equals("transition"))
                .map((AuditRecord r) -> r.fromState() + "→" + r.toState()).toList();
    }

    private String recordedJson(List<Slug> slugs) {
        StringBuilder json = new StringBuilder();
        for (Slug slug : slugs) {
            registry.validationRuns().last(registry.tenants().require(slug).id())
                    .ifPresent(r -> json.append(r.reportJson()));
        }
        return json.toString();
    }

    private void assertNoSecretIn(List<Slug> slugs, String text) {
        List<String> secrets = new ArrayList<>();
        for (Slug slug : slugs) {
            tenants.platform.services().vault().all(slug).values().stream().map(Secret::reveal).forEach(secrets::add);
        }
        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private void setAcl(Slug slug, String... rules) {
        try (Jedis admin = adminRedis()) {
            admin.aclSetUser(slug.redisUser(), rules);
        }
    }

    private Jedis adminRedis() {
        var settings = tenants.platform.services().settings();
        return RedisEndpoint.fromSettings(settings).connect(null, settings.requiredSecret(Setting.REDIS_PASSWORD));
    }

    private static void deleteTree(Path root) throws IOException {
        assertThat(root).isDirectory();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
