package io.tenantprovisioning.resource.objectstore;

/**
 * Bucket-level calls a tenant's own key must be refused on its own bucket: with any of them the tenant
 * could open its bucket to others, drop its lock-down, rewrite the chargeback tags or delete it. Check 6
 * tries each with the tenant's key and expects AccessDenied.
 *
 * <p>Each is sent in a form that changes nothing even when S3 authorizes it, because check 6 runs on
 * real tenants: the policy has no statement (MalformedPolicy), the tag key uses the reserved {@code aws:}
 * prefix (InvalidTag), the public access block is the one provisioning wrote (all four flags on; on AWS
 * it needs the same permission as DeletePublicAccessBlock, {@code s3:PutBucketPublicAccessBlock}), and
 * the bucket is deleted only while the check's probe object is in it (BucketNotEmpty). S3 checks
 * authorization before any of these, so AccessDenied means refused and every other answer means allowed.
 */
public enum BucketAdministration {
    PUT_BUCKET_POLICY("PutBucketPolicy"),
    PUT_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock"),
    PUT_BUCKET_TAGGING("PutBucketTagging"),
    DELETE_BUCKET("DeleteBucket");

    private final String operation;

    BucketAdministration(String operation) {
        this.operation = operation;
    }

    /** The S3 API operation's name, as messages show it. */
    public String operation() {
        return operation;
    }
}
