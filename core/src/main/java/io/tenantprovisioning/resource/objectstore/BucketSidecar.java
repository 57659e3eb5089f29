package io.tenantprovisioning.resource.objectstore;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * What a filesystem bucket knows about itself, kept in {@code <bucket>/.tenantctl-bucket.json}: its
 * tags and the one credential allowed to use it (access key id plus a salted hash of the secret).
 */
public record BucketSidecar(String bucket, Map<String, String> tags, String accessKeyId, SecretHash secretHash) {

    public static final String FILE_NAME = ".tenantctl-bucket.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public BucketSidecar {
        tags = Map.copyOf(tags);
    }

    /** The sidecar of a bucket directory, empty when there is none. */
    public static Optional<BucketSidecar> read(Path bucketDir) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(bucketDir.resolve(FILE_NAME));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(raw, BucketSidecar.class));
        } catch (JacksonException corrupt) {
            throw new IOException("sidecar of " + bucketDir + " is not valid JSON: " + corrupt.getOriginalMessage(),
                    corrupt);
        }
    }

    /** Replaces the sidecar atomically, so a reader sees the old or the new credential, never half of one. */
    public void write(Path bucketDir) throws IOException {
        Path temp = Files.createTempFile(bucketDir, ".tenantctl-bucket-", ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
            Files.move(temp, bucketDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public BucketSidecar withCredential(String newAccessKeyId, SecretHash newHash) {
        return new BucketSidecar(bucket, tags, newAccessKeyId, newHash);
    }

    public BucketSidecar withTags(Map<String, String> newTags) {
        return new BucketSidecar(bucket, newTags, accessKeyId, secretHash);
    }
}
