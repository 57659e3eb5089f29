package io.tenantprovisioning.rag;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, shipped inside the langchain4j jar, runs in-process): 384 dimensions,
 * L2-normalised. Loading the model takes seconds, so build one instance and share it (the driver, the
 * checks and the query service can all use the same one).
 */
public final class MiniLmEmbedder implements Embedder {

    public static final int DIMENSIONS = 384;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed empty text");
        }
        return model.embed(text).content().vector();
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
