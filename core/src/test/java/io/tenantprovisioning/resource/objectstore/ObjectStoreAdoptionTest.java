package io.tenantprovisioning.resource.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TerraformCreated;
import io.tenantprovisioning.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The object-store kind when Terraform created the bucket, user and key (terraform/tenant's
 * modules/object_store), on moto: the s3 backend adopts them with Terraform's key and never rotates it.
 * A first {@code create} stands in for the apply: it leaves what the module leaves (a tagged bucket, the
 * user under /tenantctl/, one key).
 */
class ObjectStoreAdoptionTest {

    private final Settings settings = TestServices.settings();
    private final List<Slug> created = new ArrayList<>();
    private S3Backend backend;
    private S3Client adminS3;
    private IamClient adminIam;

    @BeforeEach
    void connect() {
        backend = S3Backend.fromSettings(settings, TestServices.MARKER);
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        adminS3 = S3Connection.fromSettings(settings).s3(admin);
        adminIam = S3Connection.fromSettings(settings).iam(admin);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            for (Slug slug : created) {
                backend.destroy(slug);
            }
        } finally {
            backend.close();
            adminS3.close();
            adminIam.close();
        }
    }

    @Test
    void adoptingKeepsTerraformsAccessKeyTheOnlyKeyOfTheUser() throws Exception {
        Slug slug = newTenant();
        CreatedResource byTerraform = backend.create(TenantSpecs.spec(slug));

        CreatedResource adopted = new ObjectStoreDriver(backend).adopt(TenantSpecs.spec(slug), outputsOf(byTerraform));

        assertThat(adopted.secrets()).isEqualTo(byTerraform.secrets());
        assertThat(adopted.attributes()).containsAllEntriesOf(byTerraform.attributes());
        assertThat(adminIam.listAccessKeys(r -> r.userName(slug.qualifiedName())).accessKeyMetadata())
                .extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(byTerraform.attributes().get(TenantObjectCredentials.ACCESS_KEY_ID));
        try (TenantObjectClient client = backend.tenantClient(TenantSpecs.access(slug, adopted))) {
            client.put(ObjectKey.of("adopted.txt"), "ok".getBytes(StandardCharsets.UTF_8));
            assertThat(client.get(ObjectKey.of("adopted.txt"))).asString(StandardCharsets.UTF_8).isEqualTo("ok");
        }
    }

    @Test
    void aBucketWithoutTheTenantsMarkerOrAKeyOfAnotherUserIsNotAdopted() throws Exception {
        Slug slug = newTenant();
        CreatedResource byTerraform = backend.create(TenantSpecs.spec(slug));
        TerraformCreated wrongKey = new TerraformCreated(Map.of(TenantObjectCredentials.ACCESS_KEY_ID, "AKIANOTTHEUSERS"),
                byTerraform.secrets());
        assertThatThrownBy(() -> backend.adopt(TenantSpecs.spec(slug), wrongKey))
                .isInstanceOf(ResourceException.class).hasMessageContaining("is not a key of IAM user");

        adminS3.deleteBucketTagging(r -> r.bucket("tenant-" + slug.value()));
        assertThatThrownBy(() -> backend.adopt(TenantSpecs.spec(slug), outputsOf(byTerraform)))
                .isInstanceOf(ResourceException.class).hasMessageContaining("without tenantctl's ownership marker");
    }

    @Test
    void theFilesystemStoreRefusesToAdoptABucketTerraformCreated(@TempDir Path root) {
        Slug slug = Slug.of("acme-corp");
        FilesystemBackend filesystem = new FilesystemBackend(root, new BucketNaming("tenant"), TestServices.MARKER);
        assertThatThrownBy(() -> filesystem.adopt(TenantSpecs.spec(slug), new TerraformCreated(Map.of(), Map.of())))
                .isInstanceOf(ResourceException.class).hasMessageContaining("set OBJECT_STORE=s3");
    }

    private Slug newTenant() {
        Slug slug = TestServices.uniqueSlug("osa");
        created.add(slug);
        return slug;
    }

    /** The outputs terraform/tenant reports, as the object-store kind's mapping binds them. */
    private static TerraformCreated outputsOf(CreatedResource byTerraform) {
        return new TerraformCreated(Map.of(
                TenantObjectCredentials.BUCKET, byTerraform.attributes().get(TenantObjectCredentials.BUCKET),
                TenantObjectCredentials.ACCESS_KEY_ID, byTerraform.attributes().get(TenantObjectCredentials.ACCESS_KEY_ID)),
                byTerraform.secrets());
    }
}
