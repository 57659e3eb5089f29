package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.testing.TestServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBackendTest {

    @TempDir
    Path root;

    private FilesystemBackend backend;
    private final Slug acme = Slug.of("acme-corp");
    private final Slug globex = Slug.of("globex");

    @BeforeEach
    void setUp() {
        backend = FilesystemBackend.fromSettings(Settings.of(Map.of(Setting.OBJECT_STORE_DIR, root.toString())), TestServices.MARKER);
    }

    @Test
    void createsADirectoryWithATaggedSidecarAndCredentials() throws Exception {
        CreatedResource resource = backend.create(TenantSpecs.spec(acme));

        Path dir = root.resolve("tenant-acme-corp");
        assertThat(resource.name()).isEqualTo("tenant-acme-corp");
        assertThat(resource.identifier()).isEqualTo(dir.toString());
        assertThat(resource.attributes()).containsEntry(TenantObjectCredentials.BACKEND, "filesystem")
                .containsEntry(TenantObjectCredentials.BUCKET, "tenant-acme-corp");
        String sidecar = Files.readString(dir.resolve(BucketSidecar.FILE_NAME));
        Secret secret = resource.secrets().get(TenantObjectCredentials.SECRET_ACCESS_KEY);
        assertThat(sidecar).contains("\"TenantID\" : \"acme-corp\"",
                resource.attributes().get(TenantObjectCredentials.ACCESS_KEY_ID))
                .doesNotContain(secret.reveal());
    }

    @Test
    void describeReadsTheTagsBackFromTheSidecar() throws Exception {
        backend.create(TenantSpecs.spec(acme));

        ResourceDescription description = backend.describe(acme).orElseThrow();

        assertThat(description.kind()).isEqualTo(ResourceKind.OBJECT_STORE);
        assertThat(description.tags()).isEqualTo(TenantSpecs.markedTags(acme));
        assertThat(backend.describe(globex)).isEmpty();
    }

    @Test
    void theTenantsOwnCredentialsPutGetListAndDelete() throws Exception {
        CreatedResource resource = backend.create(TenantSpecs.spec(acme));
        try (TenantObjectClient client = backend.tenantClient(TenantSpecs.access(acme, resource))) {
            client.put(ObjectKey.of("docs/a.txt"), "hello".getBytes(StandardCharsets.UTF_8));
            client.put(ObjectKey.of("b.txt"), new byte[] {1});

            assertThat(client.get(ObjectKey.of("docs/a.txt"))).asString(StandardCharsets.UTF_8).isEqualTo("hello");
            assertThat(client.list("")).containsExactly("b.txt", "docs/a.txt");
            assertThat(client.list("docs/")).containsExactly("docs/a.txt");
            client.delete(ObjectKey.of("docs/a.txt"));
            client.delete(ObjectKey.of("docs/a.txt"));
            assertThat(client.list("")).containsExactly("b.txt");
            assertThatThrownBy(() -> client.get(ObjectKey.of("docs/a.txt")))
                    .isInstanceOfSatisfying(ObjectStoreException.class,
                            e -> assertThat(e.code()).isEqualTo(ObjectStoreException.Code.NOT_FOUND));
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithoutQuotingTheSecret() throws Exception {
        CreatedResource a = backend.create(TenantSpecs.spec(acme));
        CreatedResource g = backend.create(TenantSpecs.spec(globex));
        TenantObjectCredentials acmeKey = TenantObjectCredentials.from(TenantSpecs.access(acme, a));
        TenantObjectCredentials globexKey = TenantObjectCredentials.from(TenantSpecs.access(globex, g));
        Secret wrongSecret = Secret.of("not-" + acmeKey.secretAccessKey().reveal());

        for (TenantObjectCredentials wrong : new TenantObjectCredentials[] {
                acmeKey.onBucket(globexKey.bucket()),
                new TenantObjectCredentials("filesystem", acmeKey.bucket(), acmeKey.accessKeyId(), wrongSecret),
                new TenantObjectCredentials("filesystem", acmeKey.bucket(), globexKey.accessKeyId(),
                        globexKey.secretAccessKey())}) {
            try (TenantObjectClient client = backend.tenantClient(wrong)) {
                assertThatThrownBy(() -> client.put(ObjectKey.of("x"), new byte[] {1}))
                        .isInstanceOfSatisfying(ObjectStoreException.class, e -> {
                            assertThat(e.accessDenied()).isTrue();
                            assertThat(S3BackendTest.stackText(e)).doesNotContain(wrongSecret.reveal(),
                                    acmeKey.secretAccessKey().reveal(), globexKey.secretAccessKey().reveal());
                        });
                assertThatThrownBy(() -> client.list("")).isInstanceOf(ObjectStoreException.class);
            }
        }
        assertThat(root.resolve("tenant-globex/objects")).isEmptyDirectory();
    }

    @Test
    void keysThatWouldLeaveTheBucketAreRejected() {
        for (String bad : new String[] {"../tenant-globex/objects/x", "/etc/passwd", "a/../../b", "a//b", "./a", "",
                "a\\b", "a\u0000b"}) {
            assertThatThrownBy(() -> ObjectKey.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("object key");
        }
        assertThat(ObjectKey.of("a/b.c/d..e").value()).isEqualTo("a/b.c/d..e");
    }

    @Test
    void destroyRemovesEverythingAndCanRunTwice() throws Exception {
        CreatedResource resource = backend.create(TenantSpecs.spec(acme));
        try (TenantObjectClient client = backend.tenantClient(TenantSpecs.access(acme, resource))) {
            client.put(ObjectKey.of("deep/er/file"), new byte[] {1});
        }

        backend.destroy(acme);
        backend.destroy(acme);

        assertThat(root.resolve("tenant-acme-corp")).doesNotExist();
        assertThat(backend.describe(acme)).isEmpty();
        assertThat(backend.listManaged()).isEmpty();
    }

    @Test
    void reCreateKeepsTheObjectsAndRotatesTheCredential() throws Exception {
        CreatedResource first = backend.create(TenantSpecs.spec(acme));
        try (TenantObjectClient client = backend.tenantClient(TenantSpecs.access(acme, first))) {
            client.put(ObjectKey.of("kept"), new byte[] {9});
        }

        CreatedResource second = backend.create(TenantSpecs.spec(acme));

        try (TenantObjectClient client = backend.tenantClient(TenantSpecs.access(acme, second))) {
            assertThat(client.get(ObjectKey.of("kept"))).containsExactly(9);
        }
        try (TenantObjectClient stale = backend.tenantClient(TenantSpecs.access(acme, first))) {
            assertThatThrownBy(() -> stale.get(ObjectKey.of("kept")))
                    .isInstanceOfSatisfying(ObjectStoreException.class, e -> assertThat(e.accessDenied()).isTrue());
        }
    }

    @Test
    void aBucketOwnedByAnotherTenantIsLeftAlone() throws Exception {
        backend.create(TenantSpecs.spec(acme));
        Path sidecar = root.resolve("tenant-acme-corp").resolve(BucketSidecar.FILE_NAME);
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"TenantID\" : \"acme-corp\"",
                "\"TenantID\" : \"other\""));
        String before = Files.readString(sidecar);

        assertThatThrownBy(() -> backend.create(TenantSpecs.spec(acme))).isInstanceOf(ResourceException.class)
                .hasMessageContaining("belongs to tenant 'other'");
        assertThat(Files.readString(sidecar)).isEqualTo(before);
    }

    @Test
    void listManagedFindsOnlyBucketsCarryingThisRegistrysMarker() throws Exception {
        backend.create(TenantSpecs.spec(acme));
        Files.createDirectories(root.resolve("tenant-globex"));
        Files.createDirectories(root.resolve("unrelated-folder"));
        Files.createDirectories(root.resolve("tenant-foreign"));
        new BucketSidecar("tenant-foreign", Map.of(ChargebackTags.MANAGED_BY, "someone-else"), "k",
                new SecretHash("c2FsdA==", "aGFzaA==")).write(root.resolve("tenant-foreign"));

        // an unmarked folder of the name (buckets appear complete with their sidecar, so never a half-created
        // one of ours) and a foreign one are not listed
        assertThat(backend.listManaged()).containsExactly(
                new ManagedResource(ResourceKind.OBJECT_STORE, "tenant-acme-corp", "acme-corp"));
    }
}
