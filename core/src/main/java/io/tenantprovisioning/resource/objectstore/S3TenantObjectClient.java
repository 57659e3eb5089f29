package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.resource.objectstore.ObjectStoreException.Code;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/** A tenant's view of one S3 bucket, signed with the tenant's own access key. */
final class S3TenantObjectClient implements TenantObjectClient {

    /**
     * A policy without statements: S3 rejects it as MalformedPolicy once the call is authorized, so the
     * bucket's real policy is never replaced (moto, which stores any policy, reads it as no statement).
     */
    private static final String MALFORMED_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    /** Tag keys starting with {@code aws:} are reserved: S3 rejects the tag set once authorized. */
    private static final String RESERVED_TAG_KEY = "aws:tenantctl-probe";

    private final S3Client s3;
    private final String bucket;

    /** Takes ownership of {@code s3} (a client built with the tenant's credentials). */
    S3TenantObjectClient(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public void put(ObjectKey key, byte[] content) throws ObjectStoreException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key.value()), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate("PutObject", key.value(), e);
        }
    }

    @Override
    public byte[] get(ObjectKey key) throws ObjectStoreException {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key.value())).asByteArray();
        } catch (SdkException e) {
            throw translate("GetObject", key.value(), e);
        }
    }

    @Override
    public List<String> list(String prefix) throws ObjectStoreException {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw translate("ListObjects", prefix, e);
        }
    }

    @Override
    public void delete(ObjectKey key) throws ObjectStoreException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw translate("DeleteObject", key.value(), e);
        }
    }

    @Override
    public void attempt(BucketAdministration call) throws ObjectStoreException {
        try {
            switch (call) {
                case PUT_BUCKET_POLICY -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(MALFORMED_POLICY));
                case PUT_PUBLIC_ACCESS_BLOCK -> s3.putPublicAccessBlock(r -> r.bucket(bucket)
                        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
                                .blockPublicPolicy(true).restrictPublicBuckets(true)));
                case PUT_BUCKET_TAGGING -> s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(
                        Tag.builder().key(RESERVED_TAG_KEY).value("refused").build())));
                case DELETE_BUCKET -> s3.deleteBucket(r -> r.bucket(bucket));
            }
        } catch (SdkException e) {
            throw translate(call.operation(), "", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** 403 → ACCESS_DENIED, 404 → NOT_FOUND, anything else → FAILED; the message keeps S3's error code. */
    private ObjectStoreException translate(String operation, String key, SdkException e) {
        String where = operation + " s3://" + bucket + "/" + key;
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            // a bucket-policy 403 from moto carries no body, hence no error code
            String message = where + ": " + (code == null || code.isBlank() ? "refused" : code)
                    + " (HTTP " + service.statusCode() + ")";
            if (service.statusCode() == 403) {
                return new ObjectStoreException(Code.ACCESS_DENIED, message, e);
            }
            if (service.statusCode() == 404) {
                return new ObjectStoreException(Code.NOT_FOUND, message, e);
            }
            return new ObjectStoreException(Code.FAILED, message, e);
        }
        return new ObjectStoreException(Code.FAILED, where + " failed: " + e.getMessage(), e);
    }
}
