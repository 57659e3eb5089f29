package io.tenantprovisioning.validation;

import io.tenantprovisioning.rag.Embedder;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.vector.NamespaceDescription;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.resource.vector.VectorStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Check 3: a probe passage with unique text, upserted into the tenant namespace, comes back as the nearest
 * neighbour of its own text, and is gone after it is removed.
 */
public final class VectorSearchCheck implements ValidationCheck {

    static final int K = 5;

    private final VectorStore store;
    private final Embedder embedder;

    public VectorSearchCheck(VectorStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return "vector-search";
    }

    @Override
    public String displayName() {
        return "Vector search";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(45);
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) throws Exception {
        Slug slug = tenant.slug();
        Optional<NamespaceDescription> namespace = store.describe(slug);
        if (namespace.isEmpty()) {
            return new CheckOutcome.Failed("vector namespace " + slug.qualifiedName() + " does not exist in the "
                    + store.backend() + " store; re-provision the tenant's vector resource", null);
        }
        String nonce = UUID.randomUUID().toString();
        String id = "validation:vector-search:" + nonce;
        String text = "Validation probe " + nonce + ": the tenant's vector search returns this passage first.";
        float[] vector = embedder.embed(text);
        List<VectorHit> hits;
        try {
            store.upsert(slug, new VectorDocument(id, "vector-search probe", text, vector, Map.of("kind", "probe")));
            hits = store.query(slug, vector, K);
        } finally {
            store.delete(slug, id);
        }
        if (hits.isEmpty() || !id.equals(hits.get(0).id())) {
            return new CheckOutcome.Failed("the probe passage indexed in " + slug.qualifiedName()
                    + " was not the nearest neighbour of its own text (top hit: " + describeTop(hits)
                    + "); the index is not storing or searching vectors correctly", null);
        }
        if (store.query(slug, vector, K).stream().anyMatch(h -> id.equals(h.id()))) {
            return new CheckOutcome.Failed("the probe passage is still returned from " + slug.qualifiedName()
                    + " after it was deleted; deletes do not reach the index", null);
        }
        String figure = String.format(Locale.ROOT, "top score %.3f", hits.get(0).score());
        return new CheckOutcome.Passed("probe passage indexed, found as nearest neighbour in "
                + slug.qualifiedName() + " (" + namespace.get().documents() + " passages), and removed", figure);
    }

    private static String describeTop(List<VectorHit> hits) {
        return hits.isEmpty() ? "no results" : "'" + hits.get(0).id() + "'";
    }
}
