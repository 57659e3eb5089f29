package io.tenantprovisioning.rag;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.resource.vector.VectorStore;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tenant RAG query: bearer token → tenant → embed the question → top-k passages from that tenant's
 * namespace only → answer. The namespace comes from the verified token, never from the caller's input.
 */
public final class TenantQueryService {

    public static final int MAX_TOP_K = 50;
    public static final int MAX_QUESTION_CHARS = 2000;
    static final String NO_PASSAGES = "No document of this tenant matches the question.";

    private final TenantTokenVerifier verifier;
    private final Embedder embedder;
    private final VectorStore store;
    private final AnswerGenerator generator;
    private final TenantTiers tiers;

    public TenantQueryService(TenantTokenVerifier verifier, Embedder embedder, VectorStore store,
                              AnswerGenerator generator, TenantTiers tiers) {
        if (embedder.dimensions() != store.dimensions()) {
            throw new IllegalArgumentException("embedder gives " + embedder.dimensions()
                    + " dimensions but the vector store expects " + store.dimensions());
        }
        this.verifier = verifier;
        this.embedder = embedder;
        this.store = store;
        this.generator = generator;
        this.tiers = tiers;
    }

    /**
     * Answers a question for the tenant the token belongs to.
     *
     * @throws TokenRejectedException the token identifies no tenant (nothing was read)
     * @throws IllegalArgumentException the question is empty or too long, or topK is out of 1..50
     */
    public RagAnswer answer(String bearerToken, String question, int topK)
            throws TokenRejectedException, ResourceException, IOException {
        long start = System.nanoTime();
        requireValid(question, topK);
        Slug tenant = verifier.verify(stripScheme(bearerToken));
        List<VectorHit> hits = store.query(tenant, embedder.embed(question), topK);
        if (hits.isEmpty()) {
            return new RagAnswer(tenant, NO_PASSAGES, List.of(), Duration.ofNanos(System.nanoTime() - start));
        }
        List<VectorHit> context = hits.subList(0, Math.min(generator.contextPassages(), hits.size()));
        String text = generator.answer(question, context, tiers.tierOf(tenant));
        return new RagAnswer(tenant, text, sources(context), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void requireValid(String question, int topK) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question: must not be empty");
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw new IllegalArgumentException("question: " + question.length() + " characters, at most "
                    + MAX_QUESTION_CHARS + " allowed");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK: must be 1.." + MAX_TOP_K + ", got " + topK);
        }
    }

    private static String stripScheme(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException("no bearer token given");
        }
        String t = token.strip();
        return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).strip() : t;
    }

    private static List<String> sources(List<VectorHit> hits) {
        Set<String> titles = new LinkedHashSet<>();
        for (VectorHit hit : hits) {
            titles.add(hit.title());
        }
        return List.copyOf(titles);
    }
}
