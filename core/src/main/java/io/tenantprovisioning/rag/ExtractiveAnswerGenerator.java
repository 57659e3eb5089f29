package io.tenantprovisioning.rag;

import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.tier.TierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The embedded default: the answer is the opening sentences of the best passages, verbatim. No model,
 * no network, nothing invented.
 */
public final class ExtractiveAnswerGenerator implements AnswerGenerator {

    static final int PASSAGES = 3;
    static final int SENTENCES_PER_PASSAGE = 2;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    @Override
    public int contextPassages() {
        return PASSAGES;
    }

    @Override
    public String answer(String question, List<VectorHit> passages, TierConfig tier) {
        List<String> parts = new ArrayList<>();
        for (VectorHit hit : passages.subList(0, Math.min(PASSAGES, passages.size()))) {
            String opening = openingSentences(hit.text());
            if (!opening.isEmpty()) {
                parts.add(opening);
            }
        }
        return String.join(" ", parts);
    }

    /** The first sentences of a passage, whole: cut only at sentence ends, never mid-sentence. */
    static String openingSentences(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        String[] sentences = SENTENCE_END.split(flat);
        return String.join(" ", List.of(sentences).subList(0, Math.min(SENTENCES_PER_PASSAGE, sentences.length)));
    }
}
