package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.TenantModule;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvers see the real plan, for real: the real OpenTofu binary with hashicorp/aws from the provider mirror plans
 * the tenant's object-store resources on the local moto S3/IAM before approval; the CFO approves that plan's SHA-256;
 * the apply uses exactly that saved plan; the tenant ends ACTIVE and is offboarded. Skipped, saying why, without
 * the mirror.
 */
@Tag("terraform-acceptance")
class PlanBoundApprovalOnMotoAcceptanceTest {

    /** No bucket policy on moto: the root writes it only without an endpoint override (moto ignores its condition). */
    private static final List<String> CREATES = List.of("module.object_store.aws_iam_access_key.tenant",
            "module.object_store.aws_iam_user.tenant", "module.object_store.aws_iam_user_policy.tenant",
            "module.object_store.aws_s3_bucket.tenant",
            "module.object_store.aws_s3_bucket_ownership_controls.tenant",
            "module.object_store.aws_s3_bucket_public_access_block.tenant",
            "module.object_store.aws_s3_bucket_server_side_encryption_configuration.tenant");

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private ThrowawayRegistry throwaway;
    private TenantPlatform platform;

    @BeforeEach
    void open() {
        assumeTrue(ProviderMirror.fromSettings(TestServices.settings()).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        throwaway = ThrowawayRegistry.create();
        Settings settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3",
                Setting.TERRAFORM_MODULE_DIR, TenantModule.PROVIDERS_DIR,
                Setting.REGISTRY_DB_SCHEMA, throwaway.schema()));
        platform = TenantPlatform.open(settings, progress());
    }

    @AfterEach
    void close() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void theCfoApprovesTheAwsPlanAndExactlyThatPlanIsApplied() {
        Slug slug = TestServices.uniqueSlug("planmoto");
        PipelineOutcome waiting = platform.job().run(new RequestDraft(slug.value(), "silver", "eu-west-1", "1500000",
                "owner@plan.example", "INTERNAL", "NONE", false, null, null), "requester@plan.example",
                EngineKind.TERRAFORM, progress());
        assertThat(waiting).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        UUID requestId = UUID.fromString(((PipelineOutcome.AwaitingApproval) waiting).submission().requestId());
        RequestPlan plan = platform.services().registry().requestPlans().current(requestId).orElseThrow();
        assertThat(plan.summary()).as("what the CFO sees")
                .containsAll(CREATES.stream().map(a -> "+ create  " + a).toList());

        platform.decideHandler().decideOnPlan(slug, plan.planSha256(), ApproverGroup.CFO,
                Actor.stated("cfo@plan.example"), Verdict.APPROVED, "the plan is what we asked for");
        assertThat(platform.services().registry().approvals().forRequest(requestId)).singleElement()
                .extracting(ApprovalRecord::planSha256).isEqualTo(plan.planSha256());

        PipelineOutcome active = platform.job().resume(slug, EngineKind.TERRAFORM, progress());
        try {
            assertThat(active).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
            assertThat(platform.services().registry().audit().forTenant(slug.value())).filteredOn(r ->
                    r.action().equals("terraform-plan-applied")).singleElement().extracting(r -> r.reason())
                    .asString().contains("plan sha256 " + plan.planSha256(), "CFO APPROVED by cfo@plan.example");
        } finally {
            if (active instanceof PipelineOutcome.Activated) {
                assertThat(platform.offboard(slug, progress()).complete()).as(String.join("\n", log)).isTrue();
            }
        }
    }

    private ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }
}
