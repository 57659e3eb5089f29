package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.testing.PreMarkerResources;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
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
 * {@code tenantctl claim} on the real services: a tenant whose resources carry tenantctl's tags from before
 * registry markers cannot be offboarded (destroy refuses each one, loudly); claim's dry run lists them and
 * stamps nothing; claim stamps this registry's marker on every one the journal vouches for; offboarding then
 * leaves nothing. A resource whose tags name another tenant is refused, and then nothing at all is stamped.
 */
class ClaimPreMarkerTenantTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private Settings settings;
    private TenantPlatform platform;
    private Slug slug;

    @BeforeEach
    void provisionAndForgetTheMarker() throws Exception {
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3"));
        platform = TenantPlatform.open(settings, progress);
        slug = TestServices.uniqueSlug("claim");
        PipelineOutcome outcome = platform.job().run(TestRequests.draft(slug, "bronze", 500_000, null),
                "claim-test", EngineKind.DIRECT, progress);
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        PreMarkerResources.strip(settings, slug);
    }

    @AfterEach
    void close() {
        try {
            TenantState state = platform.services().registry().tenants().require(slug).state();
            if (ClaimHandler.STARTS_FROM.contains(state)) {
                platform.claimHandler().claim(slug, true, progress); // a failed test must not leave unmarked resources
            }
            TenantCleanup.finish(platform, slug);
        } finally {
            platform.close();
        }
    }

    @Test
    void aPreMarkerTenantIsClaimedAndThenOffboardsToNothing() throws Exception {
        for (ResourceDriver driver : platform.services().drivers()) {
            if (driver.kind() != ResourceKind.SIGNING_KEY) {
                assertThat(platform.services().marker().of(driver.describe(slug).orElseThrow().tags(), slug))
                        .as("%s after stripping", driver.kind()).hasToString("PRE_REGISTRY");
            }
        }
        ClaimHandler claim = platform.claimHandler();

        ClaimResult dryRun = claim.claim(slug, false, progress);

        assertThat(dryRun.applied()).isFalse();
        assertThat(dryRun.refused()).isFalse();
        assertThat(standings(dryRun)).containsEntry("postgres", ClaimResult.Standing.CLAIMABLE)
                .containsEntry("redis", ClaimResult.Standing.CLAIMABLE)
                .containsEntry("object-store", ClaimResult.Standing.CLAIMABLE)
                .containsEntry("vector", ClaimResult.Standing.CLAIMABLE)
                .containsEntry("monitoring", ClaimResult.Standing.CLAIMABLE)
                .containsEntry("signing-key", ClaimResult.Standing.ALREADY_OURS);
        assertThat(platform.services().marker().of(redisDriver().describe(slug).orElseThrow().tags(), slug))
                .as("the dry run stamped nothing").hasToString("PRE_REGISTRY");

        ClaimResult claimed = claim.claim(slug, true, progress);

        assertThat(claimed.applied()).isTrue();
        assertThat(claimed.claimable()).isEqualTo(5);
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(platform.services().marker().of(driver.describe(slug).orElseThrow().tags(), slug))
                    .as("%s after the claim", driver.kind()).hasToString("OURS");
        }
        assertThat(platform.ledger().audit(slug)).extracting(AuditRecord::action)
                .contains(ClaimHandler.AUDIT_ACTION);
        assertThat(claim.claim(slug, true, progress).claimable()).as("a second claim finds nothing to do").isZero();

        TeardownResult offboarded = platform.offboard(slug, progress);

        assertThat(offboarded.state()).as(String.join("\n", log)).isEqualTo(TenantState.OFFBOARDED);
        try (TenantFootprint footprint = new TenantFootprint(settings)) {
            assertThat(footprint.of(slug)).as("nothing of the claimed tenant is left").isEmpty();
        }
    }

    @Test
    void withoutTheClaimOffboardingRefusesThePreMarkerResources() {
        TeardownResult offboarded = platform.offboard(slug, progress);

        assertThat(offboarded.state()).as(String.join("\n", log)).isEqualTo(TenantState.OFFBOARDING);
        assertThat(offboarded.compensationErrors()).anyMatch(e -> e.contains("from before registry markers"));

        ClaimResult claimed = platform.claimHandler().claim(slug, true, progress);

        assertThat(claimed.applied()).as("claimed from OFFBOARDING").isTrue();
        assertThat(platform.offboard(slug, progress).state()).as(String.join("\n", log))
                .isEqualTo(TenantState.OFFBOARDED);
    }

    @Test
    void aResourceNamingAnotherTenantIsRefusedAndNothingIsStamped() throws Exception {
        PreMarkerResources.objectStore(settings, slug, Map.of(ChargebackTags.TENANT_ID, "someone-else"));

        ClaimResult claim = platform.claimHandler().claim(slug, true, progress);

        assertThat(claim.refused()).isTrue();
        assertThat(claim.applied()).isFalse();
        assertThat(claim.items()).filteredOn(i -> i.standing() == ClaimResult.Standing.REFUSED)
                .extracting(ClaimResult.Item::kind).containsExactly("object-store");
        assertThat(platform.services().marker().of(redisDriver().describe(slug).orElseThrow().tags(), slug))
                .as("all or nothing: the claimable Redis namespace was not stamped either").hasToString("PRE_REGISTRY");
        assertThat(platform.ledger().audit(slug)).extracting(AuditRecord::action)
                .doesNotContain(ClaimHandler.AUDIT_ACTION);
        // the bucket goes back to this tenant's tags so that the clean-up can claim and offboard it
        PreMarkerResources.objectStore(settings, slug, Map.of(ChargebackTags.TENANT_ID, slug.value()));
        assertThat(platform.claimHandler().claim(slug, true, progress).applied()).isTrue();
    }

    private ResourceDriver redisDriver() {
        return platform.services().drivers().stream().filter(d -> d.kind() == ResourceKind.REDIS).findFirst()
                .orElseThrow();
    }

    private static Map<String, ClaimResult.Standing> standings(ClaimResult result) {
        Map<String, ClaimResult.Standing> standings = new java.util.LinkedHashMap<>();
        result.items().forEach(i -> standings.put(i.kind(), i.standing()));
        return standings;
    }
}
