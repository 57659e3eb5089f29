package io.tenantprovisioning.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.resource.vector.VectorHit;
import io.tenantprovisioning.tier.TierConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Answers through an OpenAI-compatible {@code POST <base>/chat/completions}, with the tier's model,
 * max_tokens and temperature and the retrieved passages as the only context. The API key goes in the
 * Authorization header and nowhere else (not in messages, exceptions or toString).
 */
public final class OpenAiCompatibleAnswerGenerator implements AnswerGenerator {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final String SYSTEM_PROMPT = "You answer questions for one tenant of a document platform. "
            + "Use only the numbered context passages. If they do not contain the answer, say so.";

    private final URI endpoint;
    private final Optional<Secret> apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param baseUrl e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is appended */
    public OpenAiCompatibleAnswerGenerator(URI baseUrl, Optional<Secret> apiKey, Duration timeout) {
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Every retrieved passage goes into the prompt. */
    @Override
    public int contextPassages() {
        return TenantQueryService.MAX_TOP_K;
    }

    @Override
    public String answer(String question, List<VectorHit> passages, TierConfig tier) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(question, passages, tier))));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key.reveal()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("LLM request to " + endpoint + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            // The body is not quoted: some gateways echo request headers, including the key.
            throw new IOException("LLM endpoint " + endpoint + " answered HTTP " + response.statusCode()
                    + " for model " + tier.model());
        }
        JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new IOException("LLM endpoint " + endpoint + " returned no choices[0].message.content");
        }
        return content.asText().strip();
    }

    ObjectNode body(String question, List<VectorHit> passages, TierConfig tier) {
        StringBuilder context = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            VectorHit hit = passages.get(i);
            context.append('[').append(i + 1).append("] ").append(hit.title()).append(": ")
                    .append(hit.text().strip()).append("\n\n");
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", tier.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", "Context:\n" + context + "Question: " + question);
        body.put("max_tokens", tier.maxTokens());
        body.put("temperature", tier.temperature());
        return body;
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleAnswerGenerator[" + endpoint + "]";
    }
}
