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
        this.model = loadModel();
    }

    /**
     * langchain4j reads the model and tokenizer files through the thread's context class loader (in
     * the model class's static initializer). A host such as Jenkins runs this on threads whose context
     * loader cannot see the langchain4j jar, so the load would fail with "Embedding model file is not
     * available"; the context loader is pointed at the model's own loader for the load, then restored.
     */
    private static AllMiniLmL6V2QuantizedEmbeddingModel loadModel() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader());
        try {
            return new AllMiniLmL6V2QuantizedEmbeddingModel();
        } finally {
            thread.setContextClassLoader(previous);
        }
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
