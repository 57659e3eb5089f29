package io.tenantprovisioning.resource.vector;

/**
 * A passage returned by a similarity query.
 *
 * @param namespace the namespace the passage was read from (always the caller's: stores refuse others)
 * @param score     similarity as the store reports it; higher is nearer
 */
public record VectorHit(String namespace, String id, double score, String title, String text) {
}
