package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostTagsCheckTest {

    @TempDir
    Path temp;

    private final Slug slug = Slug.of("acme-corp");
    private final TenantAccess tenant = TestTenants.access(slug);
    private FolderTagDriver postgres;
    private FolderTagDriver redis;
    private FolderTagDriver bucket;

    @BeforeEach
    void tenantWithThreeTaggedResources() throws Exception {
        postgres = new FolderTagDriver(ResourceKind.POSTGRES, temp.resolve("pg"));
        redis = new FolderTagDriver(ResourceKind.REDIS, temp.resolve("redis"));
        bucket = new FolderTagDriver(ResourceKind.OBJECT_STORE, temp.resolve("s3"));
        for (FolderTagDriver driver : List.of(postgres, redis, bucket)) {
            driver.create(new TenantResourceSpec(slug, tenant.tags(), tenant.tierConfig()));
        }
    }

    private CostTagsCheck check() {
        return new CostTagsCheck(List.of(postgres, redis, bucket));
    }

    @Test
    void correctlyTaggedResourcesPass() {
        CheckOutcome outcome = check().run(tenant);

        assertThat(outcome).isEqualTo(new CheckOutcome.Passed("TenantID, Tier, CostCenter correct on 3 resources",
                "3/3 resources tagged"));
    }

    @Test
    void aRemovedAndAChangedTagAreListedPerResource() throws Exception {
        Map<String, String> tags = new HashMap<>(tenant.tags());
        tags.remove("CostCenter");
        tags.put("Tier", "Bronze");
        bucket.writeTags(slug, tags);
        Map<String, String> noTenant = new HashMap<>(tenant.tags());
        noTenant.remove("TenantID");
        redis.writeTags(slug, noTenant);

        CheckOutcome outcome = check().run(tenant);

        assertThat(outcome).isEqualTo(new CheckOutcome.Warning(String.join("\n",
                "2 of 3 resources have cost-tag problems:",
                "- redis tenant-acme-corp: missing TenantID",
                "- object-store tenant-acme-corp: missing CostCenter; Tier is 'Bronze', expected 'Gold'"),
                "1/3 resources tagged"));
    }

    @Test
    void aMissingResourceIsReported() throws Exception {
        postgres.destroy(slug);

        CheckOutcome outcome = check().run(tenant);

        assertThat(outcome.message()).isEqualTo(String.join("\n",
                "1 of 3 resources have cost-tag problems:",
                "- postgres: resource missing (the service has no postgres resource for acme-corp)"));
    }

    @Test
    void anUnreadableResourceIsReportedAndTheOthersStillChecked() throws Exception {
        Files.delete(redis.tagsFile(slug));
        Map<String, String> tags = new HashMap<>(tenant.tags());
        tags.put("CostCenter", "CC_SOMEONE_ELSE");
        postgres.writeTags(slug, tags);

        CheckOutcome outcome = check().run(tenant);

        assertThat(outcome.message())
                .contains("- postgres tenant-acme-corp: CostCenter is 'CC_SOMEONE_ELSE', expected 'CC_ACME_CORP'")
                .contains("- redis: could not read the resource back: ResourceException: cannot read tags of "
                        + "tenant-acme-corp");
    }

    @Test
    void explicitExpectedTagsWinOverTheTenantsRecordedOnes() {
        Map<String, String> silver = TestTenants.tags(slug, Tier.SILVER);

        CheckOutcome outcome = new CostTagsCheck(List.of(postgres), silver).run(tenant);

        assertThat(outcome.message()).contains("- postgres tenant-acme-corp: Tier is 'Gold', expected 'Silver'");
    }

    @Test
    void unknownExpectedValuesAreAWarningNotAPass() {
        TenantAccess untagged = new TenantAccess(slug, Map.of("TenantID", "acme-corp"), tenant.tierConfig(),
                Map.of(), Map.of());

        CheckOutcome outcome = check().run(untagged);

        assertThat(outcome).isEqualTo(new CheckOutcome.Warning(
                "cannot check cost tags: no expected value recorded for Tier, CostCenter", null));
    }

    @Test
    void inTheSuiteItIsANonBlockingWarning() throws Exception {
        bucket.destroy(slug);

        ValidationReport report = new ValidationSuite(List.of(check()), Duration.ofSeconds(30))
                .run(tenant, ProgressListener.silent());

        assertThat(report.results().get(0).status()).isEqualTo("WARNING");
        assertThat(report.passed()).isTrue();
        assertThat(check().id()).isEqualTo("cost-tags");
        assertThat(check().critical()).isFalse();
        assertThat(check().timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> new CostTagsCheck(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
