package io.tenantprovisioning.rag;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.tier.TierConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Writes the answer text from the retrieved passages. */
public interface AnswerGenerator {

    /** How many of the best passages the answer is built from (the answer's sources). */
    int contextPassages();

    /** @param passages the best {@link #contextPassages()} passages, best first (never empty) */
    String answer(String question, List<VectorHit> passages, TierConfig tier) throws IOException;

    /** An OpenAI-compatible endpoint when LLM_BASE_URL is set (key LLM_API_KEY), otherwise extractive. */
    static AnswerGenerator fromSettings(Settings settings) {
        return settings.optional(Setting.LLM_BASE_URL)
                .<AnswerGenerator>map(url -> new OpenAiCompatibleAnswerGenerator(URI.create(url),
                        settings.secret(Setting.LLM_API_KEY), OpenAiCompatibleAnswerGenerator.DEFAULT_TIMEOUT))
                .orElseGet(ExtractiveAnswerGenerator::new);
    }
}
