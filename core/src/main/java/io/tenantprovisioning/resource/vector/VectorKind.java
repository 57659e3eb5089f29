package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vector kind: the tenant's namespace {@code tenant-<slug>} with its tags (create), the tier's demo
 * documents indexed into it (configure, Gold only). No shipped root creates it: modules/vector creates an
 * index only in mode {@code index}, and tenantctl always passes mode {@code namespace}, where Pinecone
 * creates the namespace on the first upsert, which the driver does.
 */
public record VectorKind() implements ResourceKindModule {

    private static final TerraformMapping TERRAFORM = new TerraformMapping(
            Set.of("names.qualified_name", "vector", "tags"),
            List.of(OutputBinding.attribute("vector_namespace", VectorNamespaceDriver.ATTR_NAMESPACE)),
            Optional.of("vector_namespace"), Set.of());

    @Override
    public ResourceKind kind() {
        return ResourceKind.VECTOR;
    }

    /** Namespace (Pinecone) or index directory (Lucene): {@code tenant-acme-corp}. */
    @Override
    public String name(Slug slug) {
        return slug.qualifiedName();
    }

    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.of(new IsolationProbeRef(IsolationProbeRef.CROSS_TENANT_CHECK, kind().stepName(),
                "queries never return another tenant's vectors"));
    }

    @Override
    public TerraformMapping terraform() {
        return TERRAFORM;
    }

    @Override
    public Map<String, String> terraformNames(Slug slug) {
        return Map.of("qualified_name", name(slug));
    }
}
