package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.request.Slug;
import java.util.Optional;

/** Bucket names of this deployment: {@code <prefix>-<slug>} (BUCKET_PREFIX, default "tenant"). */
public record BucketNaming(String prefix) {

    /** 63 (S3's limit) minus '-' minus the longest slug. */
    public static final int MAX_PREFIX_LENGTH = 63 - 1 - Slug.MAX_LENGTH;

    public BucketNaming {
        if (prefix == null || !prefix.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")
                || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("BUCKET_PREFIX '" + prefix + "' must be 1-" + MAX_PREFIX_LENGTH
                    + " lowercase letters, digits or '-' (not at either end), so every bucket name is S3-legal");
        }
        if (prefix.startsWith("xn--") || prefix.startsWith("sthree-") || prefix.startsWith("amzn-s3-demo-")) {
            throw new IllegalArgumentException("BUCKET_PREFIX '" + prefix + "' starts with a prefix S3 reserves");
        }
    }

    public String bucketOf(Slug slug) {
        return slug.bucketName(prefix);
    }

    /** The tenant a bucket name belongs to, when the name is one of ours. */
    public Optional<Slug> slugOf(String bucketName) {
        String start = prefix + "-";
        if (bucketName == null || !bucketName.startsWith(start)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Slug.of(bucketName.substring(start.length())));
        } catch (IllegalArgumentException notASlug) {
            return Optional.empty();
        }
    }
}
