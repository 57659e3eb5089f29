package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.OwnerOnlyFiles;
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
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public FilesystemBackend(Path root, BucketNaming naming) {
        this.root = root.toAbsolutePath().normalize();
        this.naming = naming;
    }

    public static FilesystemBackend fromSettings(Settings settings) {
        return new FilesystemBackend(settings.dir(Setting.OBJECT_STORE_DIR, "buckets"),
                new BucketNaming(settings.string(Setting.BUCKET_PREFIX)));
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

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        String bucket = naming.bucketOf(spec.slug());
        Path dir = root.resolve(bucket);
        try {
            Optional<BucketSidecar> existing = BucketSidecar.read(dir);
            if (existing.isPresent()) {
                requireOwnedBy(existing.get(), spec.slug());
            }
            // the tenant's documents: folders readable by the owner only (uploads are 0600 temp files)
            OwnerOnlyFiles.createFolders(dir.resolve(OBJECTS_DIR));
            OwnerOnlyFiles.createFolders(dir.resolve(UPLOADS_DIR));
            // A re-run rotates the credential: the one from the interrupted run was never handed out.
            String accessKeyId = newAccessKeyId();
            Secret secret = newSecret();
            new BucketSidecar(bucket, spec.tags(), accessKeyId, SecretHash.of(secret, random)).write(dir);
            TenantObjectCredentials credentials = new TenantObjectCredentials(NAME, bucket, accessKeyId, secret);
            return new CreatedResource(ResourceKind.OBJECT_STORE, bucket, dir.toString(),
                    credentials.attributes(), credentials.secrets());
        } catch (IOException e) {
            throw new ResourceException("object-store: could not create bucket directory " + dir + ": " + e, e);
        }
    }

    private static void requireOwnedBy(BucketSidecar sidecar, Slug slug) throws ResourceException {
        String owner = sidecar.tags().get(ChargebackTags.TENANT_ID);
        if (owner != null && !owner.equals(slug.value())) {
            throw new ResourceException("object-store: bucket " + sidecar.bucket() + " already belongs to tenant '"
                    + owner + "'; nothing was changed");
        }
    }

    /** The sidecar's tags; the credential hash and the objects stay. */
    @Override
    public void retag(TenantResourceSpec spec) throws ResourceException {
        Path dir = root.resolve(naming.bucketOf(spec.slug()));
        try {
            BucketSidecar sidecar = BucketSidecar.read(dir).orElseThrow(() -> new ResourceException(
                    "object-store: bucket " + dir + " has no sidecar; it is not a provisioned bucket"));
            requireOwnedBy(sidecar, spec.slug());
            sidecar.withTags(spec.tags()).write(dir);
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
            Map<String, String> tags = BucketSidecar.read(dir).map(BucketSidecar::tags).orElse(Map.of());
            return Optional.of(new ResourceDescription(ResourceKind.OBJECT_STORE, bucket, dir.toString(), tags));
        } catch (IOException e) {
            throw new ResourceException("object-store: could not read the sidecar of " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        Path dir = root.resolve(naming.bucketOf(slug));
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            // Children before parents; the sidecar goes with the directory, so a half-deleted bucket
            // still lists as ours and the sweep finishes it.
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
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
                Optional<BucketSidecar> sidecar = BucketSidecar.read(dir);
                // No sidecar: a create interrupted before it was written. Ours by name, so the sweep sees it.
                boolean ours = sidecar.map(s -> ChargebackTags.MANAGED_BY_VALUE
                        .equals(s.tags().get(ChargebackTags.MANAGED_BY))).orElse(true);
                if (ours) {
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
