package io.tenantprovisioning.resource.objectstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The two IAM policy documents behind a tenant bucket, built as JSON trees (never by string concatenation). */
public final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    public static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    /** The tenant user's inline policy: every S3 action, on its own bucket and that bucket's objects only. */
    public static String tenantIdentityPolicy(String bucket) {
        ObjectNode statement = JSON.createObjectNode()
                .put("Sid", "TenantBucketOnly")
                .put("Effect", "Allow")
                .put("Action", "s3:*");
        statement.set("Resource", bucketResources(bucket));
        return document(statement);
    }

    /**
     * The bucket policy: deny every S3 action to every principal except the tenant user and the
     * provisioning identity (which must still be able to empty and delete the bucket). Written as
     * {@code Principal "*"} plus an {@code aws:PrincipalArn} condition, which AWS recommends over
     * {@code NotPrincipal}.
     */
    public static String denyOtherPrincipals(String bucket, String tenantUserArn, String adminArn) {
        ObjectNode statement = JSON.createObjectNode()
                .put("Sid", "DenyEveryoneButTheTenant")
                .put("Effect", "Deny")
                .put("Principal", "*")
                .put("Action", "s3:*");
        statement.set("Resource", bucketResources(bucket));
        ArrayNode allowed = JSON.createArrayNode();
        List.of(tenantUserArn, adminArn).stream().distinct().forEach(allowed::add);
        ObjectNode arnNotEquals = JSON.createObjectNode();
        arnNotEquals.set("aws:PrincipalArn", allowed);
        ObjectNode condition = JSON.createObjectNode();
        condition.set("ArnNotEquals", arnNotEquals);
        statement.set("Condition", condition);
        return document(statement);
    }

    private static ArrayNode bucketResources(String bucket) {
        return JSON.createArrayNode().add(bucketArn(bucket)).add(bucketArn(bucket) + "/*");
    }

    private static String document(ObjectNode statement) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        doc.putArray("Statement").add(statement);
        return doc.toString();
    }
}
