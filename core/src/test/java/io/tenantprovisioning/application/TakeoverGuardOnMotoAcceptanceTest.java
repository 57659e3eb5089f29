package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The takeover guard right before the apply, for real (issue #15 item 2): the real OpenTofu with hashicorp/aws
 * from the mirror plans the tenant's bucket on moto before approval, when the name is still free; then, between
 * that plan and the approved apply, someone creates a bucket of that name (with an object in it). The approved
 * plan is refused right before the apply (the plan would create the bucket, which now exists and was not created
 * by this run), nothing is applied (no IAM user either), the rollback leaves the bucket and its object as they
 * were, the tenant ends ROLLED_BACK and the sweep finds nothing. Skipped, saying why, without the mirror.
 */
@Tag("terraform-acceptance")
class TakeoverGuardOnMotoAcceptanceTest {

    @TempDir
    Path dataDir;

    private TerraformOnMotoPlatform moto;
    private List<String> log;
    private TenantPlatform platform;
    private S3Client s3;
    private IamClient iam;

    @BeforeEach
    void open() {
        moto = new TerraformOnMotoPlatform(dataDir);
        log = moto.log;
        platform = moto.platform;
        s3 = moto.s3;
        iam = moto.iam;
    }

    @AfterEach
    void close() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void aBucketMadeBetweenThePlanAndTheApprovedApplyIsRefusedAndSurvives() {
        Slug slug = TestServices.uniqueSlug("tflate");
        String bucket = moto.bucketOf(slug);
        PipelineOutcome waiting = platform.job().run(new RequestDraft(slug.value(), "silver", "us-east-1", "1500000",
                "owner@takeover.example", "INTERNAL", "NONE", false, null, null), "requester@takeover.example",
                EngineKind.TERRAFORM, progress());
        assertThat(waiting).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        UUID requestId = UUID.fromString(((PipelineOutcome.AwaitingApproval) waiting).submission().requestId());
        RequestPlan plan = platform.services().registry().requestPlans().current(requestId).orElseThrow();
        assertThat(plan.summary()).as("the bucket is free at plan time").contains(
                "+ create  module.object_store.aws_s3_bucket.tenant");

        s3.createBucket(r -> r.bucket(bucket)); // in the tenant's region: where AWS would answer 200 to Terraform
        try {
            s3.putObject(r -> r.bucket(bucket).key("precious.txt"), RequestBody.fromString("not the tenant's"));
            platform.decideHandler().decideOnPlan(slug, plan.planSha256(), ApproverGroup.CFO,
                    Actor.stated("cfo@takeover.example"), Verdict.APPROVED, "the plan is what we asked for");

            PipelineOutcome outcome = platform.job().resume(slug, EngineKind.TERRAFORM, progress());

            String trail = String.join("\n", log);
            assertThat(outcome).as(trail).isInstanceOf(PipelineOutcome.RolledBack.class);
            assertThat(((PipelineOutcome.RolledBack) outcome).reason()).as(trail).contains(
                    "bucket " + bucket + " (UNMARKED)", "not created by this run", "nothing was applied");
            assertThat(((PipelineOutcome.RolledBack) outcome).survivors()).isEmpty();
            assertThat(log).as("no apply ran").noneMatch(l -> l.contains(": $ ") && l.contains(" apply "));
            assertThat(platform.services().registry().audit().forTenant(slug.value()))
                    .noneMatch(r -> r.action().equals("terraform-plan-applied"));
            assertThat(platform.services().registry().tenants().require(slug).state())
                    .isEqualTo(TenantState.ROLLED_BACK);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("precious.txt")).asUtf8String())
                    .isEqualTo("not the tenant's");
            assertThatThrownBy(() -> s3.getBucketTagging(r -> r.bucket(bucket))).as("not tagged")
                    .isInstanceOf(S3Exception.class);
            assertThatThrownBy(() -> iam.getUser(r -> r.userName("tenant-" + slug.value())))
                    .as("no IAM user was created").isInstanceOf(NoSuchEntityException.class);
            assertThat(platform.sweep(Optional.of(slug), true, progress()).found()).isEmpty();
        } finally {
            s3.deleteObject(r -> r.bucket(bucket).key("precious.txt"));
            s3.deleteBucket(r -> r.bucket(bucket));
        }
    }

    private ProgressListener progress() {
        return moto.progress();
    }
}
