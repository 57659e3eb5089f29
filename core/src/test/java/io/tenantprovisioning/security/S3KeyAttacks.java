package io.tenantprovisioning.security;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What one tenant's own S3 key tries, signed by the real SDK against the S3 endpoint (moto here, IAM
 * enforcement on). The bucket-level calls are the real attacks, not check 6's harmless forms: a test
 * tenant may lose its bucket.
 */
final class S3KeyAttacks implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3KeyAttacks(Settings settings, TenantAccess tenant) {
        TenantObjectCredentials credentials = TenantObjectCredentials.from(tenant);
        this.bucket = credentials.bucket();
        this.s3 = S3Connection.fromSettings(settings).s3(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey().reveal())));
    }

    /** Put, read back, list and delete an object of its own bucket. */
    Answer ownObjects() {
        return call("put/get/list/delete on " + bucket, () -> {
            s3.putObject(r -> r.bucket(bucket).key("security-model-probe"), RequestBody.fromString("mine"));
            String read = s3.getObjectAsBytes(r -> r.bucket(bucket).key("security-model-probe")).asUtf8String();
            int listed = s3.listObjectsV2(r -> r.bucket(bucket)).keyCount();
            s3.deleteObject(r -> r.bucket(bucket).key("security-model-probe"));
            return "read '" + read + "', listed " + listed;
        });
    }

    /** List another tenant's bucket. */
    Answer listBucket(String otherBucket) {
        return call("ListObjectsV2 on " + otherBucket, () -> s3.listObjectsV2(r -> r.bucket(otherBucket)).keyCount()
                + " keys");
    }

    /** ListBuckets: every bucket name of the account, other tenants' included. */
    Answer listAllBuckets() {
        return call("ListBuckets", () -> s3.listBuckets().buckets().size() + " buckets");
    }

    /** Opens the bucket's objects to everyone. */
    Answer putBucketPolicy() {
        String publicRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OpenToAll\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        return run("PutBucketPolicy on " + bucket, () -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(publicRead)));
    }

    Answer deletePublicAccessBlock() {
        return run("DeletePublicAccessBlock on " + bucket, () -> s3.deletePublicAccessBlock(r -> r.bucket(bucket)));
    }

    /** Rewrites the chargeback tags: another cost center pays, and the sweep no longer knows the bucket. */
    Answer putBucketTagging() {
        return run("PutBucketTagging on " + bucket, () -> s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t
                .tagSet(Tag.builder().key("CostCenter").value("SOMEONE_ELSE").build(),
                        Tag.builder().key("ManagedBy").value("nobody").build()))));
    }

    /** Deletes its (empty) bucket: the platform's resource, gone behind its back. */
    Answer deleteBucket() {
        return run("DeleteBucket on " + bucket, () -> s3.deleteBucket(r -> r.bucket(bucket)));
    }

    @Override
    public void close() {
        s3.close();
    }

    private static Answer run(String what, Runnable request) {
        return call(what, () -> {
            request.run();
            return "succeeded";
        });
    }

    /** 403 is a refusal; anything else got past authorization. */
    private static Answer call(String what, Supplier<String> request) {
        try {
            return Answer.allowed(what + ": " + request.get());
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String answer = what + ": HTTP " + e.statusCode() + " " + code;
            return e.statusCode() == 403 ? Answer.refused(answer) : Answer.allowed(answer + " (authorized, failed later)");
        }
    }
}
