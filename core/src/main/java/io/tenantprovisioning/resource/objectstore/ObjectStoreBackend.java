package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.util.List;
import java.util.Optional;

/**
 * One place tenant buckets live (S3 + IAM, or a local folder). Same contract as
 * {@link io.tenantprovisioning.resource.ResourceDriver}: create and destroy are idempotent, describe and
 * listManaged ask the store itself.
 */
public interface ObjectStoreBackend extends AutoCloseable {

    /** "s3" or "filesystem": the value of OBJECT_STORE, recorded as {@code object-store.backend}. */
    String name();

    BucketNaming naming();

    /** Creates (or finishes creating) the tenant's bucket and issues fresh tenant credentials. */
    CreatedResource create(TenantResourceSpec spec) throws ResourceException;

    /** The bucket Terraform created, with Terraform's credentials (see ResourceDriver#adopt). */
    default CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        throw new ResourceException("object-store: the " + name() + " object store cannot adopt a bucket Terraform"
                + " created; Terraform creates buckets on S3 (set OBJECT_STORE=s3)");
    }

    /**
     * Checks, then rewrites (see ResourceDriver#rewriteTags) the tags of the bucket and its IAM user; objects,
     * credentials and policies stay.
     */
    void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException;

    Optional<ResourceDescription> describe(Slug slug) throws ResourceException;

    /** What of the tenant's names exists, whatever its tags (see ResourceDriver#occupants); only S3 can say. */
    default List<String> occupants(Slug slug) throws ResourceException {
        throw new ResourceException("object-store: the " + name() + " object store cannot tell whether bucket "
                + naming().bucketOf(slug) + " already exists for Terraform; Terraform creates buckets on S3");
    }

    void destroy(Slug slug) throws ResourceException;

    List<ManagedResource> listManaged() throws ResourceException;

    /** A client that acts with exactly these credentials on their bucket; nothing is checked until it is used. */
    TenantObjectClient tenantClient(TenantObjectCredentials credentials);

    /**
     * A client with the tenant's own recorded credentials on its own bucket.
     *
     * @throws IllegalStateException when the tenant has no object-store credentials, or they were issued by
     *                               another backend than this one (OBJECT_STORE changed since creation)
     */
    default TenantObjectClient tenantClient(TenantAccess tenant) {
        TenantObjectCredentials credentials = TenantObjectCredentials.from(tenant);
        if (!credentials.backend().equals(name())) {
            throw new IllegalStateException("tenant " + tenant.slug() + "'s bucket was created on the '"
                    + credentials.backend() + "' object store, but OBJECT_STORE is now '" + name() + "'");
        }
        return tenantClient(credentials);
    }

    /** Its tenants' keys, when this store can rotate them without a gap (S3); empty otherwise. */
    default java.util.Optional<TenantKeys> keys() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
