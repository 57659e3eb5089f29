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

    /** What the tenant's key may do on its bucket itself: list the objects, nothing else. */
    public static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket");
    /** What the tenant's key may do on its bucket's objects. */
    public static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");

    /**
     * The tenant user's inline policy: list its own bucket, read, write and delete that bucket's objects,
     * and nothing else. No bucket-level action beyond listing: with {@code s3:*} the key could rewrite its
     * bucket's policy, drop the public access block, retag the bucket (the chargeback marker) or delete
     * it. The same actions as {@code terraform/modules/object_store}'s user policy, so both engines hand
     * out the same key.
     */
    public static String tenantIdentityPolicy(String bucket) {
        ObjectNode listBucket = allow("ListOwnBucket", BUCKET_ACTIONS, JSON.createArrayNode().add(bucketArn(bucket)));
        ObjectNode objects = allow("ReadWriteOwnObjects", OBJECT_ACTIONS,
                JSON.createArrayNode().add(bucketArn(bucket) + "/*"));
        return document(listBucket, objects);
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

    private static ObjectNode allow(String sid, List<String> actions, ArrayNode resources) {
        ObjectNode statement = JSON.createObjectNode().put("Sid", sid).put("Effect", "Allow");
        ArrayNode actionList = statement.putArray("Action");
        actions.forEach(actionList::add);
        statement.set("Resource", resources);
        return statement;
    }

    private static String document(ObjectNode... statements) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode list = doc.putArray("Statement");
        for (ObjectNode statement : statements) {
            list.add(statement);
        }
        return doc.toString();
    }
}
