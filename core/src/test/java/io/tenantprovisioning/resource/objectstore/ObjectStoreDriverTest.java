package io.tenantprovisioning.resource.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreDriverTest {

    @TempDir
    Path root;

    @Test
    void objectStoreSelectsTheBackend() {
        Settings fs = Settings.of(Map.of(Setting.OBJECT_STORE_DIR, root.toString()));
        try (ObjectStoreDriver driver = ObjectStoreDriver.fromSettings(fs, TestServices.MARKER)) {
            assertThat(driver.kind()).isEqualTo(ResourceKind.OBJECT_STORE);
            assertThat(driver.backend().name()).isEqualTo("filesystem");
        }
        Settings s3 = TestServices.settings().with(Map.of(Setting.OBJECT_STORE, "S3"));
        try (ObjectStoreDriver driver = ObjectStoreDriver.fromSettings(s3, TestServices.MARKER)) {
            assertThat(driver.backend()).isInstanceOfSatisfying(S3Backend.class,
                    b -> assertThat(b.policyMode()).isEqualTo(BucketPolicyMode.IDENTITY_POLICY_ONLY));
        }
    }

    @Test
    void anUnknownBackendIsAClearConfigurationError() {
        assertThatThrownBy(() -> ObjectStoreDriver.fromSettings(Settings.of(Map.of(Setting.OBJECT_STORE, "gcs")), TestServices.MARKER))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("OBJECT_STORE must be 'filesystem' or 's3', got 'gcs'");
    }

    @Test
    void credentialsFromAnotherBackendAreNamedAsSuch() throws Exception {
        Slug slug = Slug.of("acme-corp");
        try (ObjectStoreDriver driver = ObjectStoreDriver.fromSettings(
                Settings.of(Map.of(Setting.OBJECT_STORE_DIR, root.toString())), TestServices.MARKER)) {
            CreatedResource created = driver.create(TenantSpecs.spec(slug));
            Map<String, String> fromS3 = new java.util.HashMap<>(created.attributes());
            fromS3.put(TenantObjectCredentials.BACKEND, "s3");
            var tenant = TenantSpecs.access(slug, new CreatedResource(ResourceKind.OBJECT_STORE, created.name(),
                    created.identifier(), fromS3, created.secrets()));

            assertThatThrownBy(() -> driver.backend().tenantClient(tenant))
                    .hasMessageContaining("created on the 's3' object store, but OBJECT_STORE is now 'filesystem'");
        }
    }

    @Test
    void createdResourcesNeverPrintTheirSecret() throws Exception {
        try (ObjectStoreDriver driver = ObjectStoreDriver.fromSettings(
                Settings.of(Map.of(Setting.OBJECT_STORE_DIR, root.toString())), TestServices.MARKER)) {
            CreatedResource created = driver.create(TenantSpecs.spec(Slug.of("acme-corp")));
            Secret secret = created.secrets().get(TenantObjectCredentials.SECRET_ACCESS_KEY);

            assertThat(created.toString()).doesNotContain(secret.reveal()).contains("****");
            assertThat(TenantObjectCredentials.from(TenantSpecs.access(Slug.of("acme-corp"), created)).toString())
                    .doesNotContain(secret.reveal());
        }
    }

    @Test
    void aWrongAdminSecretFailsWithoutQuotingIt() {
        String wrong = "wrong-admin-secret-0123456789abcdefghij";
        Settings settings = TestServices.settings().with(Map.of(Setting.S3_ADMIN_SECRET_ACCESS_KEY, wrong));
        Slug slug = TestServices.uniqueSlug("os");
        try (S3Backend backend = S3Backend.fromSettings(settings, TestServices.MARKER)) {
            assertThatThrownBy(() -> backend.create(TenantSpecs.spec(slug)))
                    .isInstanceOf(ResourceException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("check S3_ADMIN_ACCESS_KEY_ID")
                    .satisfies(e -> assertThat(S3BackendTest.stackText(e)).doesNotContain(wrong));
        }
    }
}
