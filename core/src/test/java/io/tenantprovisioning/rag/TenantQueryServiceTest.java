package io.tenantprovisioning.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tenant RAG query on a real Lucene index and the real model; the LLM path against a real local HTTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantQueryServiceTest {

    private static final String API_KEY = "sk-test-4f1c9a77d0e2b8";

    private MiniLmEmbedder embedder;
    private LuceneVectorStore store;
    private final Slug gold = TestServices.uniqueSlug("qg");
    private final Slug silver = TestServices.uniqueSlug("qs");
    private final AtomicInteger verifications = new AtomicInteger();
    private HttpServer llm;

    /** One model and one index for the class: embedding the demo corpus per test would only burn CPU. */
    @BeforeAll
    void setUpIndex(@TempDir Path root) throws Exception {
        embedder = new MiniLmEmbedder();
        store = new LuceneVectorStore(root, embedder.dimensions());
        store.createNamespace(gold, VectorFixtures.tags(gold, Tier.GOLD));
        store.createNamespace(silver, VectorFixtures.tags(silver, Tier.SILVER));
        new TenantCorpus(store, embedder).seedDemoDocuments(gold);
    }

    @BeforeEach
    void resetCounter() {
        verifications.set(0);
    }

    @AfterEach
    void stopServer() {
        if (llm != null) {
            llm.stop(0);
        }
    }

    /** Tokens are "token-for-<slug>"; anything else is rejected. */
    private Slug verify(String token) throws TokenRejectedException {
        verifications.incrementAndGet();
        if (!token.startsWith("token-for-")) {
            throw new TokenRejectedException("token is not signed by any tenant key");
        }
        return Slug.of(token.substring("token-for-".length()));
    }

    private TenantQueryService service(AnswerGenerator generator) {
        return new TenantQueryService(this::verify, embedder, store, generator,
                slug -> VectorFixtures.tier(slug.equals(gold) ? Tier.GOLD : Tier.SILVER));
    }

    @Test
    void extractiveAnswerQuotesTheBestPassagesAndCitesTheirDocuments() throws Exception {
        RagAnswer answer = service(new ExtractiveAnswerGenerator())
                .answer("Bearer token-for-" + gold, "What monthly uptime does the Gold tier guarantee?", 5);

        assertThat(answer.tenant()).isEqualTo(gold);
        assertThat(answer.text()).contains("99.9 percent monthly uptime");
        assertThat(answer.sources()).first().isEqualTo("Service Level Agreement");
        assertThat(answer.sources()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
        assertThat(answer.latency()).isPositive();
    }

    @Test
    void aTenantsTokenOnlyEverSearchesItsOwnNamespace() throws Exception {
        RagAnswer answer = service(new ExtractiveAnswerGenerator())
                .answer("token-for-" + silver, "What monthly uptime does the Gold tier guarantee?", 5);

        assertThat(answer.tenant()).isEqualTo(silver);
        assertThat(answer.sources()).isEmpty();
        assertThat(answer.text()).isEqualTo(TenantQueryService.NO_PASSAGES);
    }

    @Test
    void aRejectedTokenReadsNothing() {
        assertThatThrownBy(() -> service(new ExtractiveAnswerGenerator()).answer("forged", "uptime?", 5))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessage("token is not signed by any tenant key");
        assertThatThrownBy(() -> service(new ExtractiveAnswerGenerator()).answer("  ", "uptime?", 5))
                .isInstanceOf(TokenRejectedException.class).hasMessage("no bearer token given");
    }

    @Test
    void badInputIsRejectedBeforeTheTokenIsEvenChecked() {
        TenantQueryService service = service(new ExtractiveAnswerGenerator());
        String token = "token-for-" + gold;
        assertThatThrownBy(() -> service.answer(token, " ", 5)).hasMessage("question: must not be empty");
        assertThatThrownBy(() -> service.answer(token, "q", 0)).hasMessage("topK: must be 1..50, got 0");
        assertThatThrownBy(() -> service.answer(token, "q", 51)).hasMessage("topK: must be 1..50, got 51");
        assertThatThrownBy(() -> service.answer(token, "x".repeat(2001), 5))
                .hasMessage("question: 2001 characters, at most 2000 allowed");
        assertThat(verifications).hasValue(0);
    }

    @Test
    void openAiCompatibleEndpointGetsTheTiersModelAndThePassagesAndNeverSeesTheKeyLeak() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        startLlm(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Gold tenants get 99.9% monthly uptime.\"}}]}", body, authorization);
        AnswerGenerator generator = AnswerGenerator.fromSettings(llmSettings());
        assertThat(generator).isInstanceOf(OpenAiCompatibleAnswerGenerator.class);

        CapturedOutput output = CapturedOutput.start();
        RagAnswer answer;
        try {
            answer = service(generator).answer("token-for-" + gold, "What uptime is guaranteed?", 4);
        } finally {
            output.stop();
        }

        assertThat(answer.text()).isEqualTo("Gold tenants get 99.9% monthly uptime.");
        assertThat(answer.sources()).contains("Service Level Agreement");
        assertThat(authorization.get()).isEqualTo("Bearer " + API_KEY);
        JsonNode request = new ObjectMapper().readTree(body.get());
        assertThat(request.path("model").asText()).isEqualTo("gpt-4");
        assertThat(request.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(request.path("messages")).hasSize(2);
        String user = request.path("messages").path(1).path("content").asText();
        assertThat(user).contains("99.9 percent", "Question: What uptime is guaranteed?");
        assertThat(body.get()).doesNotContain(API_KEY);
        assertThat(output.text() + answer + generator).doesNotContain(API_KEY);
    }

    @Test
    void silverTenantsUseTheirOwnTierSettings() throws Exception {
        Slug other = TestServices.uniqueSlug("qs");
        store.createNamespace(other, VectorFixtures.tags(other, Tier.SILVER));
        new TenantCorpus(store, embedder).seedProbeDocuments(other);
        AtomicReference<String> body = new AtomicReference<>();
        startLlm(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}", body, new AtomicReference<>());

        service(AnswerGenerator.fromSettings(llmSettings())).answer("token-for-" + other, "rate limits?", 3);

        JsonNode request = new ObjectMapper().readTree(body.get());
        assertThat(request.path("model").asText()).isEqualTo("gpt-3.5-turbo");
        assertThat(request.path("max_tokens").asInt()).isEqualTo(2048);
    }

    @Test
    void anEndpointErrorIsReportedWithoutTheKeyEvenWhenTheServerEchoesIt() throws Exception {
        startLlm(401, "{\"error\":\"invalid key Bearer " + API_KEY + "\"}", new AtomicReference<>(),
                new AtomicReference<>());
        TenantQueryService service = service(AnswerGenerator.fromSettings(llmSettings()));

        assertThatThrownBy(() -> service.answer("token-for-" + gold, "uptime?", 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered HTTP 401 for model gpt-4")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(API_KEY));
    }

    private Settings llmSettings() {
        return Settings.of(Map.of(Setting.LLM_BASE_URL, "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1/",
                Setting.LLM_API_KEY, API_KEY));
    }

    private void startLlm(int status, String response, AtomicReference<String> body,
                          AtomicReference<String> authorization) throws IOException {
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        llm.start();
    }

    /** Everything written to stdout and stderr while a call runs. */
    private static final class CapturedOutput {
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        static CapturedOutput start() {
            CapturedOutput c = new CapturedOutput();
            PrintStream capture = new PrintStream(c.buffer, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            return c;
        }

        void stop() {
            System.setOut(out);
            System.setErr(err);
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void extractiveAnswersCutOnlyAtSentenceEnds() {
        assertThat(ExtractiveAnswerGenerator.openingSentences("One is 1.5 units.  Two!\nThree? Four."))
                .isEqualTo("One is 1.5 units. Two!");
        assertThat(new ExtractiveAnswerGenerator().answer("q", List.of(), VectorFixtures.tier(Tier.GOLD))).isEmpty();
    }
}
