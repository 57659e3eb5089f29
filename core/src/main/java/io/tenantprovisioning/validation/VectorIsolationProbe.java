package io.tenantprovisioning.validation;

import io.tenantprovisioning.rag.Embedder;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.vector.NamespaceAccessDeniedException;
import io.tenantprovisioning.resource.vector.VectorDocument;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.resource.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Vector isolation: a marker passage indexed in tenant B must never come back to tenant A, not even for
 * a query with B's exact marker text; and the store must refuse A's query addressed to B's namespace.
 */
public final class VectorIsolationProbe implements IsolationProbe {

    static final int K = 10;

    private final VectorStore store;
    private final Embedder embedder;

    public VectorIsolationProbe(VectorStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    @Override
    public String backend() {
        return "vector";
    }

    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) throws Exception {
        String nonce = UUID.randomUUID().toString();
        String markerId = "validation:isolation:" + nonce;
        String marker = "Isolation marker " + nonce + " belongs to tenant " + other.slug() + " only.";
        float[] vector = embedder.embed(marker);
        List<String> violations = new ArrayList<>();
        store.upsert(other.slug(), new VectorDocument(markerId, "isolation marker", marker, vector,
                Map.of("kind", "probe")));
        try {
            for (VectorHit hit : store.query(self.slug(), vector, K)) {
                if (markerId.equals(hit.id()) || hit.text().contains(nonce)) {
                    violations.add("vector: a query of tenant " + self.slug() + " in " + hit.namespace()
                            + " returned tenant " + other.slug() + "'s marker passage '" + hit.id() + "'");
                }
            }
            refusedForeignNamespace(self, other, vector).ifPresent(violations::add);
        } finally {
            store.delete(other.slug(), markerId);
        }
        return violations;
    }

    private Optional<String> refusedForeignNamespace(TenantAccess self, TenantAccess other, float[] vector)
            throws Exception {
        String foreign = other.slug().qualifiedName();
        try {
            List<VectorHit> hits = store.query(self.slug(), foreign, vector, K);
            return Optional.of("vector: the " + store.backend() + " store accepted a query of tenant "
                    + self.slug() + " addressed to namespace " + foreign + " (" + hits.size() + " results)");
        } catch (NamespaceAccessDeniedException expected) {
            return Optional.empty();
        }
    }
}
