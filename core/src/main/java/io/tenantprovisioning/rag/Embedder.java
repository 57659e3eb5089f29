package io.tenantprovisioning.rag;

/** Turns text into a unit-length vector, so stores can score by dot product. */
public interface Embedder {

    float[] embed(String text);

    int dimensions();
}
