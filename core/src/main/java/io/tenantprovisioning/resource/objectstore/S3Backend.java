package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tenant buckets on S3 (or moto) with one IAM user per tenant. Create makes the bucket private
 * (Block Public Access, all four flags), encrypted (SSE-S3), tagged, reachable only by the tenant's
 * user (identity policy; plus a bucket policy on AWS, see {@link BucketPolicyMode}), and issues the
 * user one access key. Every step is idempotent, so a re-run after a crash finishes the job.
 */
public final class S3Backend implements ObjectStoreBackend {

    public static final String NAME = "s3";
    public static final String IAM_USER = "object-store.iamUser";
    public static final String REGION = "object-store.region";

    private final S3Connection connection;
    private final S3Client s3;
    private final IamClient iam;
    private final S3Buckets buckets;
    private final TenantIamUsers users;
    private final BucketNaming naming;
    private final BucketPolicyMode policyMode;
    private final OwnershipMarker marker;

    /** The admin clients are owned (and closed) by this backend. */
    public S3Backend(S3Connection connection, S3Client adminS3, IamClient adminIam, BucketNaming naming,
                     BucketPolicyMode policyMode, OwnershipMarker marker) {
        this.connection = connection;
        this.s3 = adminS3;
        this.iam = adminIam;
        this.buckets = new S3Buckets(adminS3, connection.region());
        this.users = new TenantIamUsers(adminIam);
        this.naming = naming;
        this.policyMode = policyMode;
        this.marker = marker;
    }

    /**
     * From S3_ENDPOINT, AWS_REGION, S3_ADMIN_ACCESS_KEY_ID/SECRET and BUCKET_PREFIX. An endpoint override
     * means an S3-compatible service (moto locally), where the bucket policy is not written.
     */
    public static S3Backend fromSettings(Settings settings, OwnershipMarker marker) {
        S3Connection connection = S3Connection.fromSettings(settings);
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        BucketPolicyMode mode = connection.endpoint().isPresent()
                ? BucketPolicyMode.IDENTITY_POLICY_ONLY : BucketPolicyMode.DENY_OTHER_PRINCIPALS;
        return new S3Backend(connection, connection.s3(admin), connection.iam(admin),
                new BucketNaming(settings.string(Setting.BUCKET_PREFIX)), mode, marker);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BucketNaming naming() {
        return naming;
    }

    /**
     * Refuses, before changing anything, a bucket or IAM user of the tenant's names that does not carry this
     * registry's marker; then the user (created with the marker, atomically), the bucket tagged with the
     * marker at once, its lock-down, policy and key. A crash between CreateBucket and its tagging (two calls
     * in a row) leaves an empty unmarked bucket, which is refused and never deleted: remove it by hand.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        String bucket = naming.bucketOf(slug);
        Map<String, String> tags = marker.stamp(spec.tags(), slug);
        try {
            requireOursIfPresent(bucket, slug);
            User user = users.ensure(slug, tags);
            buckets.ensure(bucket);
            buckets.tag(bucket, tags);
            buckets.lockDown(bucket);
            users.allowOnlyBucket(user.userName(), bucket);
            if (policyMode == BucketPolicyMode.DENY_OTHER_PRINCIPALS) {
                buckets.putPolicy(bucket, PolicyDocuments.denyOtherPrincipals(bucket, user.arn(), users.callerArn()));
            }
            AccessKey key = users.rotateKey(user.userName());
            TenantObjectCredentials credentials = new TenantObjectCredentials(NAME, bucket, key.accessKeyId(),
                    Secret.of(key.secretAccessKey()));
            Map<String, String> attributes = new HashMap<>(credentials.attributes());
            attributes.put(IAM_USER, user.arn());
            attributes.put(REGION, connection.region().id());
            return new CreatedResource(ResourceKind.OBJECT_STORE, bucket, PolicyDocuments.bucketArn(bucket),
                    attributes, credentials.secrets());
        } catch (IllegalStateException conflict) {
            throw new ResourceException("object-store: " + conflict.getMessage(), conflict);
        } catch (SdkException e) {
            throw failure("create", bucket, e);
        }
    }

    /**
     * The bucket and IAM user Terraform created (terraform/tenant): read back; the bucket's tags (the root's
     * default_tags) must carry the tenant's marker and the access key must be the user's. The key is
     * Terraform's: neither rotated nor re-issued here, so the credential has one owner.
     */
    @Override
    public CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        Slug slug = spec.slug();
        String bucket = naming.bucketOf(slug);
        String accessKeyId = terraform.requireAttribute(TenantObjectCredentials.ACCESS_KEY_ID);
        Secret secret = terraform.requireSecret(TenantObjectCredentials.SECRET_ACCESS_KEY);
        try {
            if (!buckets.exists(bucket)) {
                throw new ResourceException("object-store: Terraform reported bucket " + bucket
                        + ", which the S3 endpoint does not have");
            }
            marker.requireOurs("object-store: bucket " + bucket, buckets.tags(bucket), slug);
            User user = users.find(slug).orElseThrow(() -> new ResourceException("object-store: IAM user "
                    + TenantIamUsers.userName(slug) + " that Terraform should have created does not exist"));
            requireOurUser(user, slug);
            if (!users.hasKey(user.userName(), accessKeyId)) {
                throw new ResourceException("object-store: access key " + accessKeyId + " reported by Terraform is"
                        + " not a key of IAM user " + user.userName());
            }
            TenantObjectCredentials credentials = new TenantObjectCredentials(NAME, bucket, accessKeyId, secret);
            Map<String, String> attributes = new HashMap<>(credentials.attributes());
            attributes.put(IAM_USER, user.arn());
            attributes.put(REGION, connection.region().id());
            return new CreatedResource(ResourceKind.OBJECT_STORE, bucket, PolicyDocuments.bucketArn(bucket),
                    attributes, credentials.secrets());
        } catch (SdkException e) {
            throw failure("adopt", bucket, e);
        }
    }

    /** The bucket's tags and its IAM user's, as at create; the key, the policies and the objects stay. */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Slug slug = spec.slug();
        String bucket = naming.bucketOf(slug);
        try {
            marker.requireRewritable(rewrite, "object-store: bucket " + bucket, buckets.tags(bucket), slug);
            Optional<User> user = users.find(slug);
            if (user.isPresent()) {
                marker.requireRewritable(rewrite, "object-store: IAM user " + user.get().userName(),
                        users.tags(user.get().userName()), slug);
            }
            if (rewrite.writes()) {
                Map<String, String> tags = marker.stamp(spec.tags(), slug);
                buckets.tag(bucket, tags);
                users.ensure(slug, tags);
            }
        } catch (SdkException e) {
            throw failure("retag", bucket, e);
        }
    }

    /** The tenant's bucket, else its IAM user; only what carries this registry's (or a pre-registry) marker. */
    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        String bucket = naming.bucketOf(slug);
        try {
            if (buckets.exists(bucket)) {
                Map<String, String> tags = buckets.tags(bucket);
                if (marker.describes(tags, slug)) {
                    return Optional.of(new ResourceDescription(ResourceKind.OBJECT_STORE, bucket,
                            PolicyDocuments.bucketArn(bucket), tags));
                }
            }
            // The bucket is gone but its user may not be (destroy interrupted): still a resource of the tenant.
            Optional<User> user = users.find(slug).filter(u -> TenantIamUsers.PATH.equals(u.path()));
            if (user.isPresent()) {
                Map<String, String> tags = users.tags(user.get().userName());
                if (marker.describes(tags, slug)) {
                    return Optional.of(new ResourceDescription(ResourceKind.OBJECT_STORE,
                            "iam-user/" + user.get().userName(), user.get().arn(), tags));
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("describe", bucket, e);
        }
    }

    /**
     * The bucket {@code <prefix>-<slug>} and the IAM user {@code tenant-<slug>} (any path), when they exist,
     * whoever's they are: each with whose its tags say it is, seen from this registry for this tenant.
     */
    @Override
    public List<String> occupants(Slug slug) throws ResourceException {
        String bucket = naming.bucketOf(slug);
        try {
            List<String> found = new ArrayList<>();
            if (buckets.exists(bucket)) {
                found.add("bucket " + bucket + " (" + marker.of(buckets.tags(bucket), slug) + ")");
            }
            Optional<User> user = users.find(slug);
            if (user.isPresent()) {
                found.add("IAM user " + user.get().userName() + " (path " + user.get().path() + ", "
                        + marker.of(users.tags(user.get().userName()), slug) + ")");
            }
            return found;
        } catch (SdkException e) {
            throw failure("look-up", bucket, e);
        }
    }

    /**
     * Deletes the bucket and the IAM user, each only when it carries this registry's marker: a bucket or user
     * create refused (someone else's, or a user outside {@value TenantIamUsers#PATH}) is left as it is.
     */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        String bucket = naming.bucketOf(slug);
        ResourceException first = null;
        try {
            if (buckets.exists(bucket)
                    && marker.mayDestroy("object-store: bucket " + bucket, buckets.tags(bucket), slug)) {
                buckets.delete(bucket);
            }
        } catch (SdkException e) {
            first = failure("delete", bucket, e);
        } catch (IllegalStateException e) {
            first = new ResourceException("object-store: " + e.getMessage(), e);
        } catch (ResourceException e) {
            first = e;
        }
        try {
            Optional<User> user = users.find(slug);
            if (user.isPresent() && TenantIamUsers.PATH.equals(user.get().path()) && marker.mayDestroy(
                    "object-store: IAM user " + user.get().userName(), users.tags(user.get().userName()), slug)) {
                users.delete(slug);
            }
        } catch (SdkException | ResourceException e) {
            ResourceException userFailure = e instanceof ResourceException refused ? refused
                    : new ResourceException("object-store: deleting IAM user " + TenantIamUsers.userName(slug)
                    + " failed: " + describe((SdkException) e), e);
            if (first == null) {
                first = userFailure;
            } else {
                first.addSuppressed(userFailure);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        try {
            List<ManagedResource> found = new ArrayList<>();
            Set<String> liveBuckets = s3.listBuckets().buckets().stream().map(Bucket::name)
                    .collect(Collectors.toSet());
            for (String bucket : liveBuckets.stream().sorted().toList()) {
                managedBucket(bucket).ifPresent(found::add);
            }
            for (User user : users.listManaged()) {
                Optional<Slug> slug = TenantIamUsers.slugOf(user.userName());
                if (slug.isPresent() && !liveBuckets.contains(naming.bucketOf(slug.get()))
                        && marker.carries(users.tags(user.userName()))) {
                    found.add(new ManagedResource(ResourceKind.OBJECT_STORE, "iam-user/" + user.userName(),
                            slug.get().value()));
                }
            }
            return found;
        } catch (SdkException e) {
            throw new ResourceException("object-store: listing buckets and " + TenantIamUsers.PATH
                    + " IAM users failed: " + describe(e), e);
        }
    }

    /** A bucket of ours: our name prefix and this registry's marker (nothing unmarked, nothing of another registry). */
    private Optional<ManagedResource> managedBucket(String bucket) {
        Optional<Slug> byName = naming.slugOf(bucket);
        if (byName.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> tags;
        try {
            tags = buckets.tags(bucket);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty(); // deleted since it was listed (another run's destroy)
            }
            throw e;
        }
        if (!marker.carries(tags)) {
            return Optional.empty();
        }
        String tenant = Optional.ofNullable(tags.get(ChargebackTags.TENANT_ID)).orElse(byName.get().value());
        return Optional.of(new ManagedResource(ResourceKind.OBJECT_STORE, bucket, tenant));
    }

    /** Create found a bucket or IAM user of the tenant's names: only this registry's may be taken over. */
    private void requireOursIfPresent(String bucket, Slug slug) throws ResourceException {
        if (buckets.exists(bucket)) {
            marker.requireOurs("object-store: bucket " + bucket, buckets.tags(bucket), slug);
        }
        Optional<User> user = users.find(slug);
        if (user.isPresent()) {
            requireOurUser(user.get(), slug);
        }
    }

    private void requireOurUser(User user, Slug slug) throws ResourceException {
        if (!TenantIamUsers.PATH.equals(user.path())) {
            throw new ResourceException("object-store: IAM user " + user.userName() + " exists outside "
                    + TenantIamUsers.PATH + " and is not managed by tenantctl; nothing was changed");
        }
        marker.requireOurs("object-store: IAM user " + user.userName(), users.tags(user.userName()), slug);
    }


    @Override
    public TenantObjectClient tenantClient(TenantObjectCredentials credentials) {
        StaticCredentialsProvider tenant = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey().reveal()));
        return new S3TenantObjectClient(connection.s3(tenant), credentials.bucket());
    }

    /** IAM users hold up to two keys: a rotation issues the new one beside the old. */
    @Override
    public Optional<TenantKeys> keys() {
        return Optional.of(new S3TenantKeys(users, naming, this));
    }

    public BucketPolicyMode policyMode() {
        return policyMode;
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
    }

    private static ResourceException failure(String action, String bucket, SdkException e) {
        return new ResourceException("object-store: " + action + " of bucket " + bucket + " failed: " + describe(e), e);
    }

    /**
     * The service's error code, status and message, or the client-side reason; SDK messages carry no
     * credentials. HEAD requests have no body, hence sometimes no error code.
     */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            StringBuilder text = new StringBuilder();
            if (code != null && !code.isBlank()) {
                text.append(code).append(' ');
            }
            text.append("(HTTP ").append(service.statusCode()).append(')');
            if (message != null && !message.isBlank() && !message.equalsIgnoreCase(code)) {
                text.append(": ").append(message);
            }
            if (service.statusCode() == 403) {
                text.append("; check S3_ADMIN_ACCESS_KEY_ID / S3_ADMIN_SECRET_ACCESS_KEY and that identity's IAM policy");
            }
            return text.toString();
        }
        // a client-side failure (refused, timed out) would otherwise not say which service it was
        return "S3/IAM request not completed: " + e.getMessage();
    }
}
