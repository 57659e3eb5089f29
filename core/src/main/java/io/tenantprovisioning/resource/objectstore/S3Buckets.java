package io.tenantprovisioning.resource.objectstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;

/** Bucket-level admin operations of the s3 backend; deletions tolerate a bucket that is already gone. */
final class S3Buckets {

    /** DeleteObjects accepts at most this many keys per call. */
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final Region region;

    S3Buckets(S3Client s3, Region region) {
        this.s3 = s3;
        this.region = region;
    }

    boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException absent) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Creates the bucket, or accepts it when it exists (the caller has checked that it carries this
     * registry's marker). A bucket of another account is refused.
     */
    void ensure(String bucket) {
        if (exists(bucket)) {
            return;
        }
        try {
            s3.createBucket(r -> {
                r.bucket(bucket);
                // us-east-1 is the one region that rejects an explicit LocationConstraint.
                if (!Region.US_EAST_1.equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                }
            });
        } catch (BucketAlreadyOwnedByYouException ours) {
            // created concurrently by a re-run of the same request: fine
        } catch (BucketAlreadyExistsException taken) {
            throw new IllegalStateException("bucket name " + bucket + " is taken by another account; choose another"
                    + " BUCKET_PREFIX");
        }
    }

    /** Block Public Access (all four flags) and default encryption (SSE-S3, AES256). */
    void lockDown(String bucket) {
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        ServerSideEncryptionRule sseS3 = ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                .build();
        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(sseS3)));
    }

    void tag(String bucket, Map<String, String> tags) {
        List<Tag> tagSet = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tagSet)));
    }

    void putPolicy(String bucket, String policy) {
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy));
    }

    /** The bucket's tags as S3 reports them; empty when it has none. */
    Map<String, String> tags(String bucket) {
        Map<String, String> tags = new LinkedHashMap<>();
        try {
            s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        } catch (S3Exception e) {
            if (!"NoSuchTagSet".equals(errorCode(e))) {
                throw e;
            }
        }
        return tags;
    }

    /**
     * Deletes the bucket policy first (a Deny there could block the emptying), then every object version
     * and delete marker, then the bucket. A bucket that is already gone is success.
     */
    void delete(String bucket) {
        if (!exists(bucket)) {
            return;
        }
        try {
            s3.deleteBucketPolicy(r -> r.bucket(bucket));
            empty(bucket);
            s3.deleteBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException alreadyGone) {
            // deleted concurrently: destroy is idempotent
        }
    }

    private void empty(String bucket) {
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
                List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
                List<S3Error> errors = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)))
                        .errors();
                if (!errors.isEmpty()) {
                    S3Error first = errors.get(0);
                    throw new IllegalStateException("could not delete " + errors.size() + " object(s) of bucket " + bucket
                            + ", first " + first.key() + ": " + first.code() + " " + first.message());
                }
            }
        }
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
