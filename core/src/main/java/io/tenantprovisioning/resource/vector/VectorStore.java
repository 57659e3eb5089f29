package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-tenant vector namespaces ({@code tenant-<slug>}): one Lucene index directory, or one Pinecone
 * namespace. Every read names the calling tenant and the namespace; a store refuses (with
 * {@link NamespaceAccessDeniedException}) any namespace that is not the caller's own.
 */
public interface VectorStore {

    /** "lucene" or "pinecone". */
    String backend();

    /** Embedding dimensions every vector must have. */
    int dimensions();

    /** Creates the namespace with the tenant's tags; an existing namespace keeps its passages and gets the tags. */
    void createNamespace(Slug slug, Map<String, String> tags) throws ResourceException;

    /** Deletes the namespace and every passage in it; a missing namespace is success. */
    void dropNamespace(Slug slug) throws ResourceException;

    /** The namespace with its tags, read from the store; empty when it does not exist. */
    Optional<NamespaceDescription> describe(Slug slug) throws ResourceException;

    /** Every {@code tenant-*} namespace in the store, with its tags (the sweep filters on ManagedBy). */
    List<NamespaceDescription> listNamespaces() throws ResourceException;

    /** Adds or replaces passages (one write); the namespace must exist. */
    void upsert(Slug slug, List<VectorDocument> documents) throws ResourceException;

    /** Adds or replaces one passage; the namespace must exist. */
    default void upsert(Slug slug, VectorDocument document) throws ResourceException {
        upsert(slug, List.of(document));
    }

    /** Removes passages by id (one write); missing passages (or namespace) are success. */
    void delete(Slug slug, List<String> ids) throws ResourceException;

    default void delete(Slug slug, String id) throws ResourceException {
        delete(slug, List.of(id));
    }

    /**
     * The {@code k} passages nearest to {@code vector} in {@code namespace}, best first.
     *
     * @throws NamespaceAccessDeniedException when {@code namespace} is not {@code caller}'s own
     */
    List<VectorHit> query(Slug caller, String namespace, float[] vector, int k) throws ResourceException;

    /** Query the caller's own namespace. */
    default List<VectorHit> query(Slug caller, float[] vector, int k) throws ResourceException {
        return query(caller, caller.qualifiedName(), vector, k);
    }

    /** The guard every implementation runs before it touches any data. */
    static void requireOwnNamespace(Slug caller, String namespace) throws NamespaceAccessDeniedException {
        if (!caller.qualifiedName().equals(namespace)) {
            throw new NamespaceAccessDeniedException(caller.value(), namespace);
        }
    }

    /** The backend VECTOR_STORE names: {@code lucene} (default, under VECTOR_DATA_DIR) or {@code pinecone}. */
    static VectorStore fromSettings(Settings settings, int dimensions) {
        String backend = settings.optional(Setting.VECTOR_STORE).orElse("lucene");
        if ("lucene".equals(backend)) {
            return new LuceneVectorStore(settings.dir(Setting.VECTOR_DATA_DIR, "vectors"), dimensions);
        }
        if ("pinecone".equals(backend)) {
            return new PineconeVectorStore(java.net.URI.create(settings.string(Setting.PINECONE_INDEX_HOST)),
                    settings.requiredSecret(Setting.PINECONE_API_KEY), dimensions);
        }
        throw new ConfigurationException("VECTOR_STORE must be lucene or pinecone, got '" + backend + "'");
    }
}
