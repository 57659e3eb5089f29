package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's vector namespace ({@code tenant-<slug>}) on the configured {@link VectorStore}, tagged with
 * the tenant tags (create); Gold tenants get the demo documents indexed (configure).
 */
public final class VectorNamespaceDriver implements ResourceDriver {

    public static final String ATTR_NAMESPACE = "vector.namespace";
    public static final String ATTR_BACKEND = "vector.backend";
    public static final String ATTR_DOCUMENTS = "vector.documents";

    private static final VectorKind NAMING = new VectorKind();

    private final VectorStore store;
    private final NamespaceSeeder seeder;
    private final OwnershipMarker marker;

    public VectorNamespaceDriver(VectorStore store, NamespaceSeeder seeder, OwnershipMarker marker) {
        this.store = store;
        this.seeder = seeder;
        this.marker = marker;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.VECTOR;
    }

    /**
     * The namespace with the tenant's tags (this registry's marker); an existing one keeps its passages. A
     * namespace without this registry's marker for the tenant is refused before anything changes.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        Optional<NamespaceDescription> existing = store.describe(slug);
        if (existing.isPresent()) {
            marker.requireOurs("vector: namespace " + existing.get().namespace(), existing.get().tags(), slug);
        }
        store.createNamespace(slug, marker.stamp(spec.tags(), slug));
        NamespaceDescription created = reported(slug);
        return new CreatedResource(ResourceKind.VECTOR, NAMING.name(slug), created.identifier(),
                Map.of(ATTR_NAMESPACE, created.namespace(),
                        ATTR_BACKEND, store.backend(),
                        ATTR_DOCUMENTS, Long.toString(created.documents())),
                Map.of());
    }

    /** The namespace's tags; the store keeps its passages (see VectorStore#createNamespace). */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Optional<NamespaceDescription> existing = store.describe(spec.slug());
        if (existing.isEmpty()) {
            throw new ResourceException("vector: namespace " + NAMING.name(spec.slug()) + " does not exist");
        }
        marker.requireRewritable(rewrite, "vector: namespace " + existing.get().namespace(), existing.get().tags(),
                spec.slug());
        if (rewrite.writes()) {
            store.createNamespace(spec.slug(), marker.stamp(spec.tags(), spec.slug()));
        }
    }

    /** The tier's demo documents (Gold), embedded and indexed into the namespace; re-seeding replaces them. */
    @Override
    public ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        if (!spec.tierConfig().demoDocuments()) {
            return new ConfiguredResource(created, List.of());
        }
        seeder.seedDemoDocuments(spec.slug());
        long documents = reported(spec.slug()).documents();
        return ConfiguredResource.of(created, Map.of(ATTR_DOCUMENTS, Long.toString(documents)),
                List.of(documents + " demo passages indexed in " + created.name()));
    }

    private NamespaceDescription reported(Slug slug) throws ResourceException {
        return store.describe(slug).orElseThrow(() -> new ResourceException("vector namespace "
                + NAMING.name(slug) + " was created but the " + store.backend() + " store does not report it"));
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        return store.describe(slug).filter(ns -> marker.describes(ns.tags(), slug)).map(ns -> new ResourceDescription(
                ResourceKind.VECTOR, ns.namespace(), ns.identifier(), ns.tags()));
    }

    /** Drops the namespace only when it carries this registry's marker. */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        Optional<NamespaceDescription> existing = store.describe(slug);
        if (existing.isPresent()
                && marker.mayDestroy("vector: namespace " + existing.get().namespace(), existing.get().tags(), slug)) {
            store.dropNamespace(slug);
        }
    }


    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        List<ManagedResource> managed = new ArrayList<>();
        for (NamespaceDescription ns : store.listNamespaces()) {
            if (marker.carries(ns.tags())) {
                // The name, not the TenantID tag, is what destroy(slug) removes, so report the slug from it.
                managed.add(new ManagedResource(ResourceKind.VECTOR, ns.namespace(),
                        ns.namespace().substring("tenant-".length())));
            }
        }
        return managed;
    }
}
