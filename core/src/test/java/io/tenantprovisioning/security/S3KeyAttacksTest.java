package io.tenantprovisioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.S3Backend;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.resource.objectstore.TenantSpecs;
import io.tenantprovisioning.testing.TestServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue #15 item 5, on moto with IAM enforcement: a tenant's own S3 key (direct engine) tries to
 * reconfigure and delete its own bucket. Before the fix its policy granted {@code s3:*} on the bucket
 * and every call succeeded; now each is AccessDenied and the bucket is as provisioning left it.
 */
class S3KeyAttacksTest {

    private final Settings settings = TestServices.settings();
    private final S3Backend backend = S3Backend.fromSettings(settings, TestServices.MARKER);
    private final List<Slug> created = new ArrayList<>();

    @AfterEach
    void destroy() throws Exception {
        try {
            for (Slug slug : created) {
                backend.destroy(slug);
            }
        } finally {
            backend.close();
        }
    }

    private TenantAccess newTenant() throws Exception {
        Slug slug = TestServices.uniqueSlug("s3k");
        created.add(slug);
        return TenantSpecs.access(slug, backend.create(TenantSpecs.spec(slug)));
    }

    @Test
    void theTenantsKeyCannotReconfigureOrDeleteItsOwnBucket() throws Exception {
        TenantAccess tenant = newTenant();
        String bucket = "tenant-" + tenant.slug().value();

        try (S3KeyAttacks key = new S3KeyAttacks(settings, tenant)) {
            assertThat(key.ownObjects()).as("the key still works on its objects").returns(false, Answer::refused);
            assertThat(List.of(key.putBucketPolicy(), key.deletePublicAccessBlock(), key.putBucketTagging(),
                    key.deleteBucket())).allSatisfy(answer -> assertThat(answer.refused()).as(answer.toString()).isTrue());
        }

        try (S3Client admin = adminS3()) {
            assertThat(admin.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration()
                    .restrictPublicBuckets()).isTrue();
            assertThat(admin.getBucketTagging(r -> r.bucket(bucket)).tagSet())
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value())
                            .isEqualTo(ChargebackTags.MANAGED_BY + "=" + ChargebackTags.MANAGED_BY_VALUE));
            assertThat(admin.headBucket(r -> r.bucket(bucket)).sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    @Test
    void theTenantsKeyCannotListAnotherTenantsBucket() throws Exception {
        TenantAccess a = newTenant();
        TenantAccess b = newTenant();

        try (S3KeyAttacks key = new S3KeyAttacks(settings, a)) {
            assertThat(key.listBucket("tenant-" + b.slug().value()).refused()).isTrue();
        }
    }

    private S3Client adminS3() {
        return S3Connection.fromSettings(settings).s3(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal())));
    }
}
