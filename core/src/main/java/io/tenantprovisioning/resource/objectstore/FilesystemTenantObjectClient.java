package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.OwnerOnlyFiles;
import io.tenantprovisioning.resource.objectstore.ObjectStoreException.Code;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tenant's view of one filesystem bucket. Every operation first checks the presented credential
 * against the bucket's sidecar, so credentials issued for another bucket are refused like S3 refuses
 * another IAM user.
 */
final class FilesystemTenantObjectClient implements TenantObjectClient {

    private final Path bucketDir;
    private final Path objectsDir;
    private final TenantObjectCredentials credentials;

    FilesystemTenantObjectClient(Path bucketDir, TenantObjectCredentials credentials) {
        this.bucketDir = bucketDir.normalize();
        this.objectsDir = this.bucketDir.resolve(FilesystemBackend.OBJECTS_DIR);
        this.credentials = credentials;
    }

    @Override
    public String bucket() {
        return credentials.bucket();
    }

    @Override
    public void put(ObjectKey key, byte[] content) throws ObjectStoreException {
        authorize("PutObject", key.value());
        Path target = pathOf(key);
        try {
            OwnerOnlyFiles.createFolders(target.getParent());
            Path temp = Files.createTempFile(bucketDir.resolve(FilesystemBackend.UPLOADS_DIR), "put-", ".tmp");
            try {
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failed("PutObject", key.value(), e);
        }
    }

    @Override
    public byte[] get(ObjectKey key) throws ObjectStoreException {
        authorize("GetObject", key.value());
        try {
            return Files.readAllBytes(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new ObjectStoreException(Code.NOT_FOUND, "GetObject " + where(key.value()) + ": no such key");
        } catch (IOException e) {
            throw failed("GetObject", key.value(), e);
        }
    }

    @Override
    public List<String> list(String prefix) throws ObjectStoreException {
        authorize("ListObjects", prefix);
        if (!Files.isDirectory(objectsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(objectsDir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> objectsDir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw failed("ListObjects", prefix, e);
        }
    }

    @Override
    public void delete(ObjectKey key) throws ObjectStoreException {
        authorize("DeleteObject", key.value());
        Path target = pathOf(key);
        try {
            Files.deleteIfExists(target);
            removeEmptyParents(target.getParent());
        } catch (IOException e) {
            throw failed("DeleteObject", key.value(), e);
        }
    }

    /** A filesystem bucket's credential is an object credential only: no call on the bucket itself exists. */
    @Override
    public void attempt(BucketAdministration call) throws ObjectStoreException {
        authorize(call.operation(), "");
        throw new ObjectStoreException(Code.ACCESS_DENIED, call.operation() + " " + where("")
                + ": AccessDenied (tenant credentials carry no bucket-level permission)");
    }

    @Override
    public void close() {
        // nothing held open
    }

    private void authorize(String operation, String key) throws ObjectStoreException {
        Optional<BucketSidecar> sidecar;
        try {
            sidecar = BucketSidecar.read(bucketDir);
        } catch (IOException e) {
            throw failed(operation, key, e);
        }
        if (sidecar.isEmpty()) {
            throw new ObjectStoreException(Code.NOT_FOUND, operation + " " + where(key) + ": no such bucket");
        }
        BucketSidecar s = sidecar.get();
        if (!s.accessKeyId().equals(credentials.accessKeyId())
                || !s.secretHash().matches(credentials.secretAccessKey())) {
            throw new ObjectStoreException(Code.ACCESS_DENIED, operation + " " + where(key)
                    + ": AccessDenied (access key " + credentials.accessKeyId() + " is not this bucket's credential)");
        }
    }

    /** The key's file; {@link ObjectKey} already refuses '..' and absolute keys, this is the second lock. */
    private Path pathOf(ObjectKey key) throws ObjectStoreException {
        Path target = objectsDir.resolve(key.value()).normalize();
        if (!target.startsWith(objectsDir) || target.equals(objectsDir)) {
            throw new ObjectStoreException(Code.ACCESS_DENIED, "key " + where(key.value()) + " leaves the bucket");
        }
        return target;
    }

    private void removeEmptyParents(Path dir) throws IOException {
        Path current = dir;
        while (current != null && current.startsWith(objectsDir) && !current.equals(objectsDir)) {
            try {
                Files.deleteIfExists(current);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            }
            current = current.getParent();
        }
    }

    private String where(String key) {
        return "fs://" + credentials.bucket() + "/" + key;
    }

    private ObjectStoreException failed(String operation, String key, IOException e) {
        return new ObjectStoreException(Code.FAILED, operation + " " + where(key) + " failed: " + e, e);
    }
}
