package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 3, a sweep racing a new submission. {@code tenantctl sweep} reads which tenants are live,
 * then lists every service: a tenant submitted in between is, to that stale list, an orphan with resources.
 * Here the race is made certain rather than waited for: the live list is read (empty: a throwaway registry
 * of the test's own, so its marker covers nothing of anyone else's), then a tenant is submitted and
 * provisioned up to its configure step (every resource created, its run lock held), then the sweep runs on
 * that stale list. A dry run shows the stale list does call the tenant's resources orphans; the real sweep,
 * guarded by {@link OrphanClaims}, removes none of them, and the tenant goes on to ACTIVE.
 */
@Tag("reliability")
class SweepRacingSubmissionTest {

    @TempDir
    Path dataDir;

    @Test
    void theSweepNeverDeletesTheResourcesOfATenantBeingProvisioned() throws Exception {
        PropertyTally tally = new PropertyTally("concurrency: a sweep racing a new submission deletes nothing of it");
        boolean held = false;
        String note = "did not hold";
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Slug slug = TestServices.uniqueSlug("swrace");
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create();
             TenantPlatform platform = TenantPlatform.open(TestServices.settingsIn(dataDir, Map.of(
                     Setting.REGISTRY_DB_SCHEMA, throwaway.schema(), Setting.TENANTCTL_PAUSE_AT, "configure:10",
                     Setting.QUERY_PERFORMANCE_SLA_MS, "20000", Setting.QUERY_PERFORMANCE_RUNS, "5")),
                     (step, message) -> log.add(step + " " + message));
             TenantFootprint footprint = new TenantFootprint(TestServices.settingsIn(dataDir, Map.of()))) {
            try {
                // what `tenantctl sweep` reads first: the tenants not finished (none yet on this registry)
                Set<String> staleLive = platform.services().registry().tenants().list(Optional.empty()).stream()
                        .filter(t -> !t.state().finished()).map(t -> t.slug().value()).collect(Collectors.toSet());
                CompletableFuture<PipelineOutcome> run = CompletableFuture.supplyAsync(() -> platform.job().run(
                        TestRequests.draft(slug, "bronze", 300_000, null), "race-test", EngineKind.DIRECT,
                        (step, message) -> log.add(step + " " + message)));
                awaitAllCreated(platform, slug, log);
                int onServices = footprint.of(slug).size();

                ResourceSweep sweep = platform.services().sweep((step, message) -> log.add(step + " " + message));
                SweepReport seen = sweep.sweepOrphans(staleLive, true);
                assertThat(tenants(seen.found())).as("the stale list calls the new tenant's resources orphans")
                        .contains(slug.value());
                SweepReport swept = sweep.sweepOrphans(staleLive, false, new OrphanClaims(platform.services().registry()));
                assertThat(tenants(swept.removed())).as("removed by the sweep").doesNotContain(slug.value());
                assertThat(tenants(swept.found())).as("not counted as an orphan").doesNotContain(slug.value());
                assertThat(footprint.of(slug)).as("still on the services").hasSize(onServices);

                PipelineOutcome outcome = run.get(180, TimeUnit.SECONDS);
                assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
                held = true;
                note = "throwaway registry; sweep on the live list read before the submission, run while the tenant "
                        + "was CONFIGURING: dry run found " + tenants(seen.found()).stream()
                        .filter(slug.value()::equals).count() + "x the tenant among " + seen.found().size()
                        + " resources; guarded sweep removed " + swept.removed().size() + ", none of it; "
                        + onServices + " resources kept; tenant ACTIVE";
            } finally {
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            tally.tried(held);
            tally.record(note);
        }
    }

    private static List<String> tenants(List<ManagedResource> resources) {
        return resources.stream().map(ManagedResource::tenantSlug).toList();
    }

    private static void awaitAllCreated(TenantPlatform platform, Slug slug, List<String> log) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isPresent() && tenant.get().state() == TenantState.CONFIGURING
                    && platform.services().registry().journal().entries(tenant.get().id()).stream()
                    .filter(e -> e.status() == JournalStatus.CREATED).count() == ResourceKind.values().length) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never reached CONFIGURING with every resource created:\n" + String.join("\n", log));
    }
}
