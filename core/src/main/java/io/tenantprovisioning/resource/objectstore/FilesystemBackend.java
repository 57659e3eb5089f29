package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.OwnerOnlyFiles;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded object store: one directory per bucket under OBJECT_STORE_DIR (default
 * DATA_DIR/buckets), objects under {@code <bucket>/objects/}, tags and the tenant's credential hash in
 * the {@link BucketSidecar}. Only a client presenting that credential may touch the bucket.
 */
public final class FilesystemBackend implements ObjectStoreBackend {

    public static final String NAME = "filesystem";
    static final String OBJECTS_DIR = "objects";
    static final String UPLOADS_DIR = ".uploads";

    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final Path root;
    private final BucketNaming naming;
    private final SecureRandom random = new SecureRandom();
    private final OwnershipMarker marker;

    public FilesystemBackend(Path root, BucketNaming naming, OwnershipMarker marker) {
        this.root = root.toAbsolutePath().normalize();
        this.naming = naming;
        this.marker = marker;
    }

    public static FilesystemBackend fromSettings(Settings settings, OwnershipMarker marker) {
        return new FilesystemBackend(settings.dir(Setting.OBJECT_STORE_DIR, "buckets"),
                new BucketNaming(settings.string(Setting.BUCKET_PREFIX)), marker);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BucketNaming naming() {
        return naming;
    }

    public Path root() {
        return root;
    }

    /**
     * A new bucket directory appears complete with its sidecar (this registry's marker): built under a
     * temporary name and renamed into place. An existing directory is taken over only when its sidecar
     * carries this registry's marker for the tenant.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        String bucket = naming.bucketOf(spec.slug());
        Path dir = root.resolve(bucket);
        try {
            if (Files.exists(dir)) {
                marker.requireOurs("object-store: bucket directory " + dir, sidecarTags(dir), spec.slug());
            }
            // A re-run rotates the credential: the one from the interrupted run was never handed out.
            String accessKeyId = newAccessKeyId();
            Secret secret = newSecret();
            BucketSidecar sidecar = new BucketSidecar(bucket, marker.stamp(spec.tags(), spec.slug()), accessKeyId,
                    SecretHash.of(secret, random));
            if (Files.exists(dir)) {
                sidecar.write(dir);
            } else {
                createMarked(dir, sidecar);
            }
            // the tenant's documents: folders readable by the owner only (uploads are 0600 temp files)
            OwnerOnlyFiles.createFolders(dir.resolve(OBJECTS_DIR));
            OwnerOnlyFiles.createFolders(dir.resolve(UPLOADS_DIR));
            TenantObjectCredentials credentials = new TenantObjectCredentials(NAME, bucket, accessKeyId, secret);
            return new CreatedResource(ResourceKind.OBJECT_STORE, bucket, dir.toString(),
                    credentials.attributes(), credentials.secrets());
        } catch (IOException e) {
            throw new ResourceException("object-store: could not create bucket directory " + dir + ": " + e, e);
        }
    }

    /** The directory and its sidecar appear together: a crash leaves a hidden temporary folder, not a bucket. */
    private void createMarked(Path dir, BucketSidecar sidecar) throws IOException {
        OwnerOnlyFiles.createFolders(root);
        Path building = Files.createTempDirectory(root, ".creating-");
        sidecar.write(building);
        Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> sidecarTags(Path dir) throws IOException {
        return BucketSidecar.read(dir).map(BucketSidecar::tags).orElse(Map.of());
    }

    /** The sidecar's tags; the credential hash and the objects stay. */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Path dir = root.resolve(naming.bucketOf(spec.slug()));
        try {
            BucketSidecar sidecar = BucketSidecar.read(dir).orElseThrow(() -> new ResourceException(
                    "object-store: bucket " + dir + " has no sidecar; it is not a provisioned bucket"));
            marker.requireRewritable(rewrite, "object-store: bucket directory " + dir, sidecar.tags(), spec.slug());
            if (rewrite.writes()) {
                sidecar.withTags(marker.stamp(spec.tags(), spec.slug())).write(dir);
            }
        } catch (IOException e) {
            throw new ResourceException("object-store: could not rewrite the tags of " + dir + ": " + e, e);
        }
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        String bucket = naming.bucketOf(slug);
        Path dir = root.resolve(bucket);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            Map<String, String> tags = sidecarTags(dir);
            if (!marker.describes(tags, slug)) {
                return Optional.empty(); // a directory of that name without this registry's marker is not ours
            }
            return Optional.of(new ResourceDescription(ResourceKind.OBJECT_STORE, bucket, dir.toString(), tags));
        } catch (IOException e) {
            throw new ResourceException("object-store: could not read the sidecar of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory only when its sidecar carries this registry's marker: never a folder it did not make. */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        Path dir = root.resolve(naming.bucketOf(slug));
        if (!Files.exists(dir)) {
            return;
        }
        try {
            if (!marker.mayDestroy("object-store: bucket directory " + dir, sidecarTags(dir), slug)) {
                return;
            }
        } catch (IOException e) {
            throw new ResourceException("object-store: could not read the sidecar of " + dir + "; not deleted: "
                    + e.getMessage(), e);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            // Children before parents, the sidecar (the marker) last of the files, so a half-deleted bucket
            // still lists as ours and the sweep finishes it.
            Path sidecar = dir.resolve(BucketSidecar.FILE_NAME);
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(dir)) {
                    Files.deleteIfExists(sidecar);
                }
                if (!p.equals(sidecar)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ResourceException("object-store: could not delete bucket directory " + dir + ": " + e, e);
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ManagedResource> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String bucket = dir.getFileName().toString();
                Optional<Slug> slug = naming.slugOf(bucket);
                if (slug.isEmpty()) {
                    continue;
                }
                // only directories whose sidecar carries this registry's marker (created complete with it)
                if (marker.carries(sidecarTags(dir))) {
                    found.add(new ManagedResource(ResourceKind.OBJECT_STORE, bucket, slug.get().value()));
                }
            }
        } catch (IOException e) {
            throw new ResourceException("object-store: could not list " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public TenantObjectClient tenantClient(TenantObjectCredentials credentials) {
        if (naming.slugOf(credentials.bucket()).isEmpty()) {
            throw new IllegalArgumentException("'" + credentials.bucket() + "' is not a bucket name of this deployment ("
                    + naming.prefix() + "-<slug>)");
        }
        return new FilesystemTenantObjectClient(root.resolve(credentials.bucket()), credentials);
    }

    @Override
    public void close() {
        // nothing held open
    }

    private String newAccessKeyId() {
        StringBuilder id = new StringBuilder("FSAK");
        for (int i = 0; i < 16; i++) {
            id.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return id.toString();
    }

    private Secret newSecret() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
