package io.tenantprovisioning.resource.vector;

import java.util.Map;
import java.util.Objects;

/**
 * One passage to index in a tenant namespace.
 *
 * @param id       unique within the namespace; an upsert with the same id replaces the passage
 * @param title    the source document's title, shown as the answer's source
 * @param text     the passage text returned with a hit
 * @param vector   the passage embedding (unit length: the stores score by dot product)
 * @param metadata extra string facts (source file, kind) kept with the passage
 */
public record VectorDocument(String id, String title, String text, float[] vector, Map<String, String> metadata) {

    public VectorDocument {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("vector document: id must not be blank");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        vector = Objects.requireNonNull(vector, "vector").clone();
        metadata = Map.copyOf(metadata);
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }
}
