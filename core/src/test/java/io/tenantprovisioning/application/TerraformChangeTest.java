package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.TenantModule;
import io.tenantprovisioning.engine.terraform.TenantWorkspace;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of a terraform tenant through the application (issue #18), on the real OpenTofu binary with the
 * provider-free root and the real services: an auto-approved cost-center change is a Terraform plan approved by
 * the policy and applied in place (the tenant's variables carry the new cost center, a re-plan is empty); a change
 * that fails after Terraform applied it puts the previous variables back through Terraform, the version is FAILED
 * with the reason, and the tenant keeps serving.
 */
@Tag("opentofu")
class TerraformChangeTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Settings settings;
    private TenantPlatform platform;
    private Slug slug;

    @BeforeEach
    void open() {
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.TERRAFORM_MODULE_DIR,
                TenantModule.PROVIDER_FREE_DIR));
        platform = TenantPlatform.open(settings, progress());
    }

    @AfterEach
    void close() {
        if (slug != null) {
            try {
                TenantCleanup.finish(platform, slug);
            } catch (RuntimeException e) {
                log.add("cleanup " + slug + ": " + e.getMessage());
            }
        }
        platform.close();
    }

    @Test
    void anAutoApprovedChangeIsAppliedThroughItsPlanAndAFailedOneRestoresThePreviousVariables() throws Exception {
        slug = TestServices.uniqueSlug("tfupd");
        PipelineOutcome created = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1", "300000",
                "owner@tfupd.example", "INTERNAL", "NONE", false, null, null), "requester@tfupd.example",
                EngineKind.TERRAFORM, progress());
        assertThat(created).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);

        UpdateResult applied = platform.updateHandler().update(slug, costCenter("CC_TFCHANGE"),
                Actor.stated("ops@tfupd.example"), progress());
        assertThat(applied).as(String.join("\n", log)).isInstanceOf(UpdateResult.Applied.class);
        PlanForApproval plan = applied.plan().enginePlan().orElseThrow();
        assertThat(plan.autoApproved()).isTrue();
        assertThat(plan.summary()).as(String.join("\n", log)).contains("~ update  terraform_data.bucket").last().asString()
                .matches("0 to create, \\d+ to update, 0 to replace, 0 to delete");
        RequestPlan recorded = platform.services().registry().requestPlans()
                .current(java.util.UUID.fromString(((UpdateResult.Applied) applied).requestId())).orElseThrow();
        assertThat(recorded.planSha256()).isEqualTo(plan.planSha256());
        assertThat(recorded.autoApproved()).isTrue();
        assertThat(tenantVariables()).contains("CC_TFCHANGE");
        assertThat(engine().drift(slug, progress())).as("a re-plan after the change").isEmpty();

        UpdateResult restored;
        try (TenantPlatform failing = TenantPlatform.open(settings.with(Map.of(Setting.TENANTCTL_FAIL_AT,
                "update-monitoring")), progress())) {
            restored = failing.updateHandler().update(slug, costCenter("CC_NEVER"), Actor.stated("ops@tfupd.example"),
                    progress());
        }
        assertThat(restored).as(String.join("\n", log)).isInstanceOf(UpdateResult.Restored.class);
        assertThat(((UpdateResult.Restored) restored).restoreErrors()).isEmpty();
        assertThat(log).as("Terraform applied the change before the failure").anyMatch(l -> l.contains(
                "applied change plan " + restored.plan().enginePlan().orElseThrow().planSha256()));
        assertThat(tenantVariables()).as("the previous variables are back").contains("CC_TFCHANGE")
                .doesNotContain("CC_NEVER");
        assertThat(engine().drift(slug, progress())).as("Terraform's resources are back as they were").isEmpty();
        ConfigVersion failed = platform.services().registry().configVersions()
                .forTenant(platform.ledger().require(slug).id()).stream().filter(v -> v.version() == 3).findFirst()
                .orElseThrow();
        assertThat(failed.status()).isEqualTo(ConfigVersionStatus.FAILED);
        assertThat(failed.note()).contains("update-monitoring");
        assertThat(platform.ledger().require(slug).state()).isEqualTo(TenantState.ACTIVE);
    }

    private static ChangeDraft costCenter(String value) {
        return new ChangeDraft(null, null, null, null, null, value, null);
    }

    private TerraformEngine engine() {
        return TerraformEngine.fromSettings(settings, Path.of("").toAbsolutePath().getParent(),
                platform.services().directEngine(), progress());
    }

    private String tenantVariables() throws Exception {
        return Files.readString(dataDir.resolve("terraform").resolve(slug.value()).resolve("local")
                .resolve(TenantWorkspace.TFVARS_FILE));
    }

    private ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }
}
