package io.tenantprovisioning.resource.vector;

import java.util.Map;

/**
 * A tenant namespace as the vector store reports it.
 *
 * @param namespace  {@code tenant-<slug>}
 * @param identifier where it lives (index directory, or index host + namespace)
 * @param tags       the tenant tags stored with the namespace itself (index commit data / marker record)
 * @param documents  passages currently indexed
 */
public record NamespaceDescription(String namespace, String identifier, Map<String, String> tags, long documents) {
    public NamespaceDescription {
        tags = Map.copyOf(tags);
    }
}
