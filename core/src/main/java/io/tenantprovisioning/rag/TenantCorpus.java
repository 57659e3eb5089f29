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
    /** The demo passages with their vectors, embedded once per corpus: the text and the model never change. */
    private List<EmbeddedPassage> embeddedDemo;

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
        return index(slug, DEMO_PREFIX, "demo").size();
    }

    /**
     * Indexes the demo passages under {@code probe:<id>} so a check can query a tenant that has no documents
     * yet; returns the ids to pass to {@link #remove} afterwards.
     */
    public List<String> seedProbeDocuments(Slug slug) throws ResourceException {
        return index(slug, PROBE_PREFIX, "probe");
    }

    /** Removes passages by id (missing ones are fine). */
    public void remove(Slug slug, List<String> ids) throws ResourceException {
        store.delete(slug, ids);
    }

    private List<String> index(Slug slug, String idPrefix, String kind) throws ResourceException {
        List<EmbeddedPassage> passages = embeddedDemo();
        List<String> ids = new ArrayList<>(passages.size());
        List<VectorDocument> documents = new ArrayList<>(passages.size());
        for (EmbeddedPassage embedded : passages) {
            CorpusPassage p = embedded.passage();
            String id = idPrefix + p.id();
            // a copy: the shared vector must not change whatever a store does with the one it is given
            documents.add(new VectorDocument(id, p.title(), p.text(), embedded.vector().clone(),
                    Map.of("kind", kind, "source", p.source(), "section", p.section())));
            ids.add(id);
        }
        store.upsert(slug, documents);
        return ids;
    }

    /**
     * Embedding the 38 demo passages was most of check 5's time on every validation (issue 19); the
     * first caller pays it, every later seeding in this process reuses the vectors.
     */
    private synchronized List<EmbeddedPassage> embeddedDemo() {
        if (embeddedDemo == null) {
            List<EmbeddedPassage> passages = new ArrayList<>();
            for (CorpusPassage p : DemoDocuments.load()) {
                passages.add(new EmbeddedPassage(p, embedder.embed(p.embeddingText())));
            }
            embeddedDemo = List.copyOf(passages);
        }
        return embeddedDemo;
    }

    /** A passage and its vector as the embedder made it (never handed out: stores get copies). */
    private record EmbeddedPassage(CorpusPassage passage, float[] vector) {
    }
}
