package io.tenantprovisioning.rag;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.vector.NamespaceSeeder;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.resource.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Embeds documents into a tenant's namespace: the demo documents of Gold tenants, and the probe
 * documents validation indexes (and removes again) for tenants that have none of their own.
 */
public final class TenantCorpus implements NamespaceSeeder {

    public static final String DEMO_PREFIX = "demo:";
    public static final String PROBE_PREFIX = "probe:";

    private final VectorStore store;
    private final Embedder embedder;

    public TenantCorpus(VectorStore store, Embedder embedder) {
        if (embedder.dimensions() != store.dimensions()) {
            throw new IllegalArgumentException("embedder gives " + embedder.dimensions()
                    + " dimensions but the vector store expects " + store.dimensions());
        }
        this.store = store;
        this.embedder = embedder;
    }

    /** Indexes every demo passage under {@code demo:<id>}; re-running replaces them (idempotent). */
    @Override
    public int seedDemoDocuments(Slug slug) throws ResourceException {
        return index(slug, DemoDocuments.load(), DEMO_PREFIX, "demo").size();
    }

    /**
     * Indexes the demo passages under {@code probe:<id>} so a check can query a tenant that has no documents
     * yet; returns the ids to pass to {@link #remove} afterwards.
     */
    public List<String> seedProbeDocuments(Slug slug) throws ResourceException {
        return index(slug, DemoDocuments.load(), PROBE_PREFIX, "probe");
    }

    /** Removes passages by id (missing ones are fine). */
    public void remove(Slug slug, List<String> ids) throws ResourceException {
        store.delete(slug, ids);
    }

    private List<String> index(Slug slug, List<CorpusPassage> passages, String idPrefix, String kind)
            throws ResourceException {
        List<String> ids = new ArrayList<>(passages.size());
        List<VectorDocument> documents = new ArrayList<>(passages.size());
        for (CorpusPassage p : passages) {
            String id = idPrefix + p.id();
            documents.add(new VectorDocument(id, p.title(), p.text(), embedder.embed(p.embeddingText()),
                    Map.of("kind", kind, "source", p.source(), "section", p.section())));
            ids.add(id);
        }
        store.upsert(slug, documents);
        return ids;
    }
}
