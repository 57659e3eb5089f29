package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.model.EngineKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.model.TenantState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tenantctl sweep`: resources that no registry tenant owns (here: a canary that "crashed" right after
 * creating everything) are listed by a dry run, which removes nothing, and removed by a real run,
 * while a live ACTIVE tenant's resources are never touched; sweeping a live tenant by name is refused.
 *
 * <p>The dry run is the platform's real, unscoped orphan sweep. The removing run uses the same
 * {@link ResourceSweep} over the platform's drivers, with what they list narrowed to this test's two
 * tenants: the services are shared, and an unscoped removing sweep would also delete other test
 * runs' in-flight resources (driver tests and canaries have no registry row either).
 */
class OrphanSweepTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private TenantPlatform platform;
    private TenantFootprint footprint;
    private Slug live;
    private Slug orphan;

    @BeforeEach
    void open() {
        var settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString()));
        platform = TenantPlatform.open(settings, progress);
        footprint = new TenantFootprint(settings);
    }

    @AfterEach
    void cleanUp() {
        try {
            for (Slug slug : new Slug[] {live, orphan}) {
                if (slug != null) {
                    TenantCleanup.finish(platform, slug);
                }
            }
        } finally {
            if (orphan != null) {
                platform.services().vault().deleteAll(orphan);
            }
            footprint.close();
            platform.close();
        }
    }

    @Test
    void orphansAreListedThenRemovedAndALiveTenantIsNeverTouched() throws Exception {
        live = activeTenant();
        orphan = crashedCanary();
        Map<ResourceKind, List<String>> liveBefore = footprint.of(live);
        Map<ResourceKind, List<String>> orphanBefore = footprint.of(orphan);
        assertThat(liveBefore.keySet()).containsExactlyInAnyOrder(ResourceKind.values());
        assertThat(orphanBefore.keySet()).containsExactlyInAnyOrder(ResourceKind.values());

        SweepReport dryRun = platform.sweep(Optional.empty(), true, progress);
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(kindsOf(dryRun.found(), orphan)).as(String.join("\n", log))
                .containsExactlyInAnyOrder(ResourceKind.values());
        assertThat(kindsOf(dryRun.found(), live)).isEmpty();
        assertThat(dryRun.removed()).isEmpty();
        assertThat(footprint.of(orphan)).as("a dry run removes nothing").isEqualTo(orphanBefore);

        SweepReport removal = new ResourceSweep(scopedDrivers(Set.of(live.value(), orphan.value())),
                platform.services().vault(), progress)
                .sweepOrphans(liveTenants(), false);
        assertThat(removal.clean()).as(String.join("\n", log)).isTrue();
        assertThat(kindsOf(removal.removed(), orphan)).containsExactlyInAnyOrder(ResourceKind.values());
        assertThat(kindsOf(removal.found(), live)).isEmpty();
        assertThat(footprint.of(orphan)).as("left of the orphan after the sweep").isEmpty();

        assertThat(footprint.of(live)).as("the live tenant after the orphan sweep").isEqualTo(liveBefore);
        assertThat(platform.services().registry().tenants().require(live).state().name()).isEqualTo("ACTIVE");
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(live)).as(driver.kind().stepName()).isPresent();
        }
    }

    @Test
    void sweepingALiveTenantByNameIsRefused() throws Exception {
        live = activeTenant();
        Map<ResourceKind, List<String>> before = footprint.of(live);

        for (boolean dryRun : new boolean[] {true, false}) {
            assertThatThrownBy(() -> platform.sweep(Optional.of(live), dryRun, progress))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + live + "' is live (ACTIVE)")
                    .hasMessageContaining("tenantctl rollback");
        }
        assertThat(footprint.of(live)).isEqualTo(before);
        assertThat(platform.services().registry().tenants().require(live).state().name()).isEqualTo("ACTIVE");
    }

    private Slug activeTenant() {
        Slug slug = TestServices.uniqueSlug("live");
        PipelineOutcome outcome = platform.job().run(
                TestRequests.draft(slug, "bronze", 500_000, null), "sweep-test", EngineKind.DIRECT, progress);
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        return slug;
    }

    /** Every resource of a tenant with no registry row, created the way a canary is, then abandoned. */
    private Slug crashedCanary() throws Exception {
        Slug slug = TestServices.uniqueSlug("orph");
        orphan = slug;
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);
        platform.services().directEngine().provision(spec, NO_JOURNAL, ProgressListener.silent());
        assertThat(platform.services().registry().tenants().find(slug)).isEmpty();
        return slug;
    }

    /** The live set exactly as TenantPlatform.sweep computes it: every registry tenant not finished. */
    private Set<String> liveTenants() {
        return platform.services().registry().tenants().list(Optional.empty()).stream()
                .filter(t -> !t.state().finished())
                .map(t -> t.slug().value()).collect(Collectors.toSet());
    }

    private List<ResourceDriver> scopedDrivers(Set<String> slugs) {
        return platform.services().drivers().stream().map(d -> (ResourceDriver) new Scoped(d, slugs)).toList();
    }

    private static Set<ResourceKind> kindsOf(List<ManagedResource> resources, Slug slug) {
        return resources.stream().filter(r -> r.tenantSlug().equals(slug.value())).map(ManagedResource::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResourceKind.class)));
    }

    private static final ProvisioningJournal NO_JOURNAL = new ProvisioningJournal() {
        @Override
        public long intend(ResourceKind kind, String name, String engine) {
            return 0;
        }

        @Override
        public void created(long entryId, CreatedResource resource, Map<String, String> tags) {
            // a canary is not journalled
        }
    };

    /** A real driver whose listing only shows the given tenants' resources. */
    private record Scoped(ResourceDriver driver, Set<String> slugs) implements ResourceDriver {
        @Override
        public ResourceKind kind() {
            return driver.kind();
        }

        @Override
        public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
            return driver.create(spec);
        }

        @Override
        public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
            return driver.describe(slug);
        }

        @Override
        public void destroy(Slug slug) throws ResourceException {
            driver.destroy(slug);
        }

        @Override
        public List<ManagedResource> listManaged() throws ResourceException {
            return driver.listManaged().stream().filter(r -> slugs.contains(r.tenantSlug())).toList();
        }
    }
}
