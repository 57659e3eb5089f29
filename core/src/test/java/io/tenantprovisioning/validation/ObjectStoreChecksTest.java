package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.BucketSidecar;
import io.tenantprovisioning.resource.objectstore.FilesystemBackend;
import io.tenantprovisioning.resource.objectstore.ObjectStoreBackend;
import io.tenantprovisioning.resource.objectstore.S3Backend;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.resource.objectstore.SecretHash;
import io.tenantprovisioning.resource.objectstore.TenantObjectClient;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import io.tenantprovisioning.resource.objectstore.TenantSpecs;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;

/** Check 6 and the object-store isolation probe, on both backends, healthy and broken on purpose. */
class ObjectStoreChecksTest {

    @Test
    void checkSixIsNonCriticalWithThirtySeconds() {
        ObjectStoragePermissionsCheck check = new ObjectStoragePermissionsCheck(null);
        assertThat(check.id()).isEqualTo("object-storage-permissions");
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.critical()).isFalse();
        assertThat(new ObjectStoreIsolationProbe(null).backend()).isEqualTo("object-store");
    }

    /** Shared scenarios; each backend supplies how to create tenants and how to break them. */
    abstract static class Scenarios {

        final List<Slug> tenants = new ArrayList<>();
        ObjectStoreBackend backend;

        TenantAccess newTenant() throws Exception {
            Slug slug = TestServices.uniqueSlug("ck");
            tenants.add(slug);
            CreatedResource created = backend.create(TenantSpecs.spec(slug));
            return TenantSpecs.access(slug, created);
        }

        /** Takes the tenant's permission on its own bucket away. */
        abstract void revoke(TenantAccess tenant) throws Exception;

        /** Lets {@code intruder}'s key into {@code victim}'s bucket. */
        abstract void breakIsolation(TenantAccess intruder, TenantAccess victim) throws Exception;

        @AfterEach
        void destroyTenants() throws Exception {
            try {
                for (Slug slug : tenants) {
                    backend.destroy(slug);
                }
            } finally {
                backend.close();
            }
        }

        @Test
        void checkSixPassesOnAHealthyTenantAndLeavesNothingBehind() throws Exception {
            TenantAccess tenant = newTenant();

            CheckOutcome outcome = new ObjectStoragePermissionsCheck(backend).run(tenant);

            assertThat(outcome).isInstanceOf(CheckOutcome.Passed.class);
            assertThat(outcome.message()).contains("put, get, list and delete");
            assertThat(outcome.message()).contains("PutBucketPolicy, PutPublicAccessBlock, PutBucketTagging, DeleteBucket"
                    + " are refused");
            try (TenantObjectClient client = backend.tenantClient(tenant)) {
                assertThat(client.list("")).isEmpty();
            }
        }

        @Test
        void checkSixWarnsNamingTheOperationWhenThePermissionIsRevoked() throws Exception {
            TenantAccess tenant = newTenant();
            revoke(tenant);

            CheckOutcome outcome = new ObjectStoragePermissionsCheck(backend).run(tenant);

            assertThat(outcome).isInstanceOf(CheckOutcome.Warning.class);
            assertThat(outcome.message()).startsWith("put failed with the tenant's own key")
                    .contains("AccessDenied", "revoked")
                    .doesNotContain(secretOf(tenant));
            assertThat(((CheckOutcome.Warning) outcome).figure()).isEqualTo("0/4 operations");
        }

        @Test
        void checkSixWarnsWhenTheTenantHasNoCredentials() {
            Slug slug = TestServices.uniqueSlug("ck");
            CheckOutcome outcome = new ObjectStoragePermissionsCheck(backend).run(TenantSpecs.access(slug));

            assertThat(outcome).isInstanceOf(CheckOutcome.Warning.class);
            assertThat(outcome.message()).contains("object-store.backend");
        }

        @Test
        void theProbeFindsNoViolationBetweenTwoHealthyTenants() throws Exception {
            TenantAccess a = newTenant();
            TenantAccess b = newTenant();
            ObjectStoreIsolationProbe probe = new ObjectStoreIsolationProbe(backend);

            assertThat(probe.violations(a, b)).isEmpty();
            assertThat(probe.violations(b, a)).isEmpty();
            try (TenantObjectClient client = backend.tenantClient(b)) {
                assertThat(client.list("")).as("the probe cleans up after itself").isEmpty();
            }
        }

        @Test
        void theProbeGoesRedWhenIsolationIsBrokenOnPurpose() throws Exception {
            TenantAccess a = newTenant();
            TenantAccess b = newTenant();
            breakIsolation(a, b);

            List<String> violations = new ObjectStoreIsolationProbe(backend).violations(a, b);

            assertThat(violations).hasSize(4);
            assertThat(String.join("\n", violations))
                    .contains("GetObject", "PutObject", "ListObjects", "DeleteObject", a.slug().value(), b.slug().value())
                    .doesNotContain(secretOf(a), secretOf(b));
        }

        @Test
        void theProbeRefusesToProveAnythingWithAKeyThatWorksNowhere() throws Exception {
            TenantAccess a = newTenant();
            TenantAccess b = newTenant();
            revoke(a);

            assertThatThrownBy(() -> new ObjectStoreIsolationProbe(backend).violations(a, b))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot prove object-store isolation");
        }

        static String secretOf(TenantAccess tenant) {
            return tenant.secret(TenantObjectCredentials.SECRET_ACCESS_KEY).map(Secret::reveal).orElseThrow();
        }
    }

    @Nested
    class OnS3 extends Scenarios {

        private final Settings settings = TestServices.settings();
        private final IamClient iam;

        OnS3() {
            backend = S3Backend.fromSettings(settings, TestServices.MARKER);
            iam = S3Connection.fromSettings(settings).iam(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                    settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal())));
        }

        @AfterEach
        void closeIam() {
            iam.close();
        }

        @Override
        void revoke(TenantAccess tenant) {
            iam.deleteUserPolicy(r -> r.userName("tenant-" + tenant.slug().value()).policyName("tenant-bucket-access"));
        }

        /** The policy before issue #15 item 5: every S3 action on its own bucket, so the key could reconfigure it. */
        @Test
        void checkSixWarnsWhenTheKeyMayReconfigureItsOwnBucket() throws Exception {
            TenantAccess tenant = newTenant();
            String bucket = TenantObjectCredentials.from(tenant).bucket();
            iam.putUserPolicy(r -> r.userName("tenant-" + tenant.slug().value()).policyName("tenant-bucket-access")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::"
                            + bucket + "/*\"]}]}"));

            CheckOutcome outcome = new ObjectStoragePermissionsCheck(backend).run(tenant);

            assertThat(outcome).isInstanceOf(CheckOutcome.Warning.class);
            assertThat(outcome.message()).contains("not refused bucket-level calls", "PutBucketPolicy",
                    "PutPublicAccessBlock", "PutBucketTagging", "DeleteBucket").doesNotContain(secretOf(tenant));
            assertThat(((CheckOutcome.Warning) outcome).figure())
                    .isEqualTo("4/4 operations, 0/4 bucket-level calls refused");
            // the calls were sent in their harmless forms: the bucket is still there, tagged, and empty
            assertThat(backend.describe(tenant.slug()).orElseThrow().tags())
                    .containsEntry("TenantID", tenant.slug().value());
            try (TenantObjectClient client = backend.tenantClient(tenant)) {
                assertThat(client.list("")).isEmpty();
            }
        }

        @Override
        void breakIsolation(TenantAccess intruder, TenantAccess victim) {
            iam.putUserPolicy(r -> r.userName("tenant-" + intruder.slug().value()).policyName("broken-on-purpose")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
        }
    }

    @Nested
    class OnFilesystem extends Scenarios {

        @TempDir
        Path root;

        @org.junit.jupiter.api.BeforeEach
        void useTempRoot() {
            backend = FilesystemBackend.fromSettings(Settings.of(Map.of(Setting.OBJECT_STORE_DIR, root.toString())), TestServices.MARKER);
        }

        @Override
        void revoke(TenantAccess tenant) throws Exception {
            Path dir = root.resolve(TenantObjectCredentials.from(tenant).bucket());
            BucketSidecar sidecar = BucketSidecar.read(dir).orElseThrow();
            sidecar.withCredential(sidecar.accessKeyId(), SecretHash.of(Secret.of("another secret"), new SecureRandom()))
                    .write(dir);
        }

        @Override
        void breakIsolation(TenantAccess intruder, TenantAccess victim) throws Exception {
            // copy the intruder's credential hash into the victim's sidecar
            BucketSidecar intruderSidecar = BucketSidecar.read(root.resolve(TenantObjectCredentials.from(intruder)
                    .bucket())).orElseThrow();
            Path victimDir = root.resolve(TenantObjectCredentials.from(victim).bucket());
            BucketSidecar.read(victimDir).orElseThrow()
                    .withCredential(intruderSidecar.accessKeyId(), intruderSidecar.secretHash())
                    .write(victimDir);
        }
    }
}
