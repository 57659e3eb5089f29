package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import io.tenantprovisioning.resource.TerraformRoot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object-store kind: bucket {@code <prefix>-<slug>}, private, encrypted and tagged, with the tenant's
 * IAM user, its bucket-only policy and one access key, all in create: nothing in it is derived later, so
 * configure has nothing to do. terraform/tenant's modules/object_store creates all of it, the access key
 * included, so there the key is Terraform's.
 */
public record ObjectStoreKind(BucketNaming naming) implements ResourceKindModule {

    private static final TerraformMapping TERRAFORM = new TerraformMapping(
            Set.of("names.bucket", "names.qualified_name", "region", "aws_endpoint", "tags"),
            List.of(OutputBinding.attribute("bucket_name", TenantObjectCredentials.BUCKET),
                    OutputBinding.attribute("access_key_id", TenantObjectCredentials.ACCESS_KEY_ID),
                    OutputBinding.secret("secret_access_key", TenantObjectCredentials.SECRET_ACCESS_KEY)),
            Optional.of("bucket_name"), Set.of(TerraformRoot.PROVIDERS));

    @Override
    public ResourceKind kind() {
        return ResourceKind.OBJECT_STORE;
    }

    @Override
    public String name(Slug slug) {
        return naming.bucketOf(slug);
    }

    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.of(new IsolationProbeRef(IsolationProbeRef.CROSS_TENANT_CHECK, kind().stepName(),
                "tenant A's credentials get AccessDenied on B's bucket"));
    }

    @Override
    public TerraformMapping terraform() {
        return TERRAFORM;
    }

    /** The bucket, and the IAM user's name ({@code tenant-<slug>}, shared with the vector and monitoring kinds). */
    @Override
    public Map<String, String> terraformNames(Slug slug) {
        return Map.of("bucket", name(slug), "qualified_name", TenantIamUsers.userName(slug));
    }
}
