package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's vector namespace ({@code tenant-<slug>}) on the configured {@link VectorStore}, tagged with
 * the tenant tags; Gold tenants get the demo documents indexed.
 */
public final class VectorNamespaceDriver implements ResourceDriver {

    public static final String ATTR_NAMESPACE = "vector.namespace";
    public static final String ATTR_BACKEND = "vector.backend";
    public static final String ATTR_DOCUMENTS = "vector.documents";

    private final VectorStore store;
    private final NamespaceSeeder seeder;

    public VectorNamespaceDriver(VectorStore store, NamespaceSeeder seeder) {
        this.store = store;
        this.seeder = seeder;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.VECTOR;
    }

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        store.createNamespace(slug, spec.tags());
        if (spec.tierConfig().demoDocuments()) {
            seeder.seedDemoDocuments(slug);
        }
        NamespaceDescription created = store.describe(slug).orElseThrow(() -> new ResourceException(
                "vector namespace " + slug.qualifiedName() + " was created but the " + store.backend()
                        + " store does not report it"));
        return new CreatedResource(ResourceKind.VECTOR, created.namespace(), created.identifier(),
                Map.of(ATTR_NAMESPACE, created.namespace(),
                        ATTR_BACKEND, store.backend(),
                        ATTR_DOCUMENTS, Long.toString(created.documents())),
                Map.of());
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        return store.describe(slug).map(ns -> new ResourceDescription(ResourceKind.VECTOR, ns.namespace(),
                ns.identifier(), ns.tags()));
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        store.dropNamespace(slug);
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        List<ManagedResource> managed = new ArrayList<>();
        for (NamespaceDescription ns : store.listNamespaces()) {
            if (ChargebackTags.MANAGED_BY_VALUE.equals(ns.tags().get(ChargebackTags.MANAGED_BY))) {
                // The name, not the TenantID tag, is what destroy(slug) removes, so report the slug from it.
                managed.add(new ManagedResource(ResourceKind.VECTOR, ns.namespace(),
                        ns.namespace().substring("tenant-".length())));
            }
        }
        return managed;
    }
}
