package io.tenantprovisioning.resource.vector;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;

/**
 * Fills a freshly created namespace with the demo documents (Gold tier). Implemented by
 * {@code rag.TenantCorpus}, which owns the embedder; defined here so this package does not depend on
 * {@code rag} (rag queries the store, so the arrow must point from rag to here).
 */
@FunctionalInterface
public interface NamespaceSeeder {

    /** Embeds and indexes the demo documents in the tenant's namespace; idempotent. Returns passages indexed. */
    int seedDemoDocuments(Slug slug) throws ResourceException;
}
