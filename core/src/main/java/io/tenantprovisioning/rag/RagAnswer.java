package io.tenantprovisioning.rag;

import io.tenantprovisioning.request.Slug;
import java.time.Duration;
import java.util.List;

/**
 * The answer to one tenant question.
 *
 * @param sources titles of the documents the answer was drawn from, best first, without repeats
 * @param latency wall time from token verification to the finished answer
 */
public record RagAnswer(Slug tenant, String text, List<String> sources, Duration latency) {
    public RagAnswer {
        sources = List.copyOf(sources);
    }
}
