package io.tenantprovisioning.resource.objectstore;

/**
 * Whether the s3 backend writes the deny-other-principals bucket policy.
 *
 * <p>moto 5.2 evaluates bucket policies on object operations without any principal or condition
 * context: a Deny with {@code Principal "*"} (or any principal map) and an {@code aws:PrincipalArn}
 * condition denies every caller, the tenant included. So against an S3-compatible endpoint the policy
 * cannot be written without breaking the tenant's own access; there, isolation rests on the tenant
 * user's IAM identity policy, which moto does enforce (that is what the isolation probe proves).
 */
public enum BucketPolicyMode {
    /** Real AWS: write {@link PolicyDocuments#denyOtherPrincipals} as a second lock behind the identity policy. */
    DENY_OTHER_PRINCIPALS,
    /** An S3-compatible endpoint (moto, S3_ENDPOINT set): identity policies only, no bucket policy. */
    IDENTITY_POLICY_ONLY
}
