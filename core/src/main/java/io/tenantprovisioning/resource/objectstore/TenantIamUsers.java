package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.request.Slug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * The IAM side of tenant buckets: one user {@code tenant-<slug>} under path {@code /tenantctl/}, with
 * an inline policy limited to the tenant's bucket and one access key. Deletions tolerate NoSuchEntity.
 */
final class TenantIamUsers {

    static final String PATH = "/tenantctl/";
    static final String POLICY_NAME = "tenant-bucket-access";

    private final IamClient iam;

    TenantIamUsers(IamClient iam) {
        this.iam = iam;
    }

    static String userName(Slug slug) {
        return slug.qualifiedName();
    }

    /** The tenant of a {@code tenant-<slug>} user name, when it is one. */
    static Optional<Slug> slugOf(String userName) {
        String start = "tenant-";
        if (!userName.startsWith(start)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Slug.of(userName.substring(start.length())));
        } catch (IllegalArgumentException notATenantUser) {
            return Optional.empty();
        }
    }

    /** The tenant's user, created with the tenant's tags, or the existing one when a previous run made it. */
    User ensure(Slug slug, Map<String, String> tags) {
        String name = userName(slug);
        List<Tag> iamTags = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        try {
            return iam.createUser(r -> r.userName(name).path(PATH).tags(iamTags)).user();
        } catch (EntityAlreadyExistsException exists) {
            User user = iam.getUser(r -> r.userName(name)).user();
            if (!PATH.equals(user.path())) {
                throw new IllegalStateException("IAM user " + name + " exists outside " + PATH
                        + " and is not managed by tenantctl; nothing was changed");
            }
            iam.tagUser(r -> r.userName(name).tags(iamTags));
            return user;
        }
    }

    void allowOnlyBucket(String userName, String bucket) {
        iam.putUserPolicy(r -> r.userName(userName).policyName(POLICY_NAME)
                .policyDocument(PolicyDocuments.tenantIdentityPolicy(bucket)));
    }

    /** Deletes every existing key and issues a new one: a re-run hands out exactly one working key. */
    AccessKey rotateKey(String userName) {
        for (AccessKeyMetadata old : iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata()) {
            iam.deleteAccessKey(r -> r.userName(userName).accessKeyId(old.accessKeyId()));
        }
        return iam.createAccessKey(r -> r.userName(userName)).accessKey();
    }

    /** A new key beside the user's existing ones (IAM refuses a third: LimitExceeded). */
    AccessKey issueKey(String userName) {
        return iam.createAccessKey(r -> r.userName(userName)).accessKey();
    }

    /** Deletes one of the user's keys; one already gone is fine. */
    void deleteKey(String userName, String accessKeyId) {
        ignoreMissing(() -> iam.deleteAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId)));
    }

    List<String> keyIds(String userName) {
        return iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId).toList();
    }

    /** Whether the access key is one of the user's (a key Terraform reported must be). */
    boolean hasKey(String userName, String accessKeyId) {
        return iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata().stream()
                .anyMatch(k -> k.accessKeyId().equals(accessKeyId));
    }

    Optional<User> find(Slug slug) {
        try {
            return Optional.of(iam.getUser(r -> r.userName(userName(slug))).user());
        } catch (NoSuchEntityException absent) {
            return Optional.empty();
        }
    }

    Map<String, String> tags(String userName) {
        Map<String, String> tags = new LinkedHashMap<>();
        iam.listUserTags(r -> r.userName(userName)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    /**
     * The identity this backend runs as, exempted from the bucket policy so it can always clean up.
     * GetUser without a name works for IAM users only; running as a role would need STS
     * GetCallerIdentity (the sts module is not a dependency yet).
     */
    String callerArn() {
        return iam.getUser().user().arn();
    }

    /**
     * Deletes the user with everything that would block DeleteUser: access keys, every inline policy
     * (not only ours: someone may have added one) and every attached managed policy.
     */
    void delete(Slug slug) {
        String name = userName(slug);
        try {
            for (AccessKeyMetadata key : iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()) {
                ignoreMissing(() -> iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())));
            }
            for (String policy : iam.listUserPolicies(r -> r.userName(name)).policyNames()) {
                ignoreMissing(() -> iam.deleteUserPolicy(r -> r.userName(name).policyName(policy)));
            }
            for (AttachedPolicy policy : iam.listAttachedUserPolicies(r -> r.userName(name)).attachedPolicies()) {
                ignoreMissing(() -> iam.detachUserPolicy(r -> r.userName(name).policyArn(policy.policyArn())));
            }
            iam.deleteUser(r -> r.userName(name));
        } catch (NoSuchEntityException alreadyGone) {
            // destroy is idempotent: a missing user is the goal state
        }
    }

    /** Every user under {@code /tenantctl/}, for the sweep. */
    List<User> listManaged() {
        return iam.listUsersPaginator(r -> r.pathPrefix(PATH)).users().stream().toList();
    }

    private static void ignoreMissing(Runnable call) {
        try {
            call.run();
        } catch (NoSuchEntityException alreadyGone) {
            // deleted concurrently or by an earlier, interrupted destroy
        }
    }
}
