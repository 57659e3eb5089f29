package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.AccessKey;

/** The access keys of a tenant's IAM user {@code tenant-<slug>}, through the admin's IAM client. */
final class S3TenantKeys implements TenantKeys {

    /** S3's answers to a key it does not know, or a secret that does not match it. */
    private static final Set<String> REFUSED = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch");

    private final TenantIamUsers users;
    private final BucketNaming naming;
    private final S3Backend backend;

    S3TenantKeys(TenantIamUsers users, BucketNaming naming, S3Backend backend) {
        this.users = users;
        this.naming = naming;
        this.backend = backend;
    }

    @Override
    public List<String> keyIds(Slug slug) throws ResourceException {
        try {
            return users.keyIds(TenantIamUsers.userName(slug));
        } catch (SdkException e) {
            throw new ResourceException("object-store: could not list the access keys of IAM user "
                    + TenantIamUsers.userName(slug) + ": " + S3Backend.describe(e), e);
        }
    }

    @Override
    public TenantObjectCredentials issue(Slug slug) throws ResourceException {
        try {
            AccessKey key = users.issueKey(TenantIamUsers.userName(slug));
            return new TenantObjectCredentials(S3Backend.NAME, naming.bucketOf(slug), key.accessKeyId(),
                    Secret.of(key.secretAccessKey()));
        } catch (SdkException e) {
            throw new ResourceException("object-store: could not issue an access key to IAM user "
                    + TenantIamUsers.userName(slug) + ": " + S3Backend.describe(e), e);
        }
    }

    @Override
    public void revoke(Slug slug, String accessKeyId) throws ResourceException {
        try {
            users.deleteKey(TenantIamUsers.userName(slug), accessKeyId);
        } catch (SdkException e) {
            throw new ResourceException("object-store: could not delete access key " + accessKeyId + " of IAM user "
                    + TenantIamUsers.userName(slug) + ": " + S3Backend.describe(e), e);
        }
    }

    @Override
    public CredentialProbe probe(TenantObjectCredentials credentials) {
        String what = "ListObjects on s3://" + credentials.bucket() + " with key " + credentials.accessKeyId();
        try (TenantObjectClient client = backend.tenantClient(credentials)) {
            int objects = client.list("").size();
            return new CredentialProbe.Accepted(what + " (" + objects + " objects)");
        } catch (ObjectStoreException e) {
            String code = errorCode(e.getCause());
            if (REFUSED.contains(code)) {
                return new CredentialProbe.Refused(what + " refused: " + code);
            }
            return new CredentialProbe.Unreachable(what + ": " + e.getMessage());
        }
    }

    private static String errorCode(Throwable cause) {
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return "";
    }
}
