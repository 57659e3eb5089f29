package io.tenantprovisioning.resource.vector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.VectorFixtures;
import io.tenantprovisioning.tier.Tier;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pinecone adapter against WireMock stubs of Pinecone's documented data-plane REST contract
 * (no Pinecone runs here). Every request body that names a namespace must name the tenant's own.
 */
class PineconeVectorStoreTest {

    private static final String KEY = "pcsk_test_9b2e71c4d5";
    private static final String MARKER = PineconeVectorStore.MARKER_ID;

    private final ObjectMapper json = new ObjectMapper();
    private final Slug acme = TestServices.uniqueSlug("pc");
    private final String ns = acme.qualifiedName();
    private WireMockServer pinecone;
    private PineconeVectorStore store;

    @BeforeEach
    void start() {
        pinecone = new WireMockServer(options().dynamicPort());
        pinecone.start();
        store = new PineconeVectorStore(URI.create(pinecone.baseUrl()), Secret.of(KEY), 4);
        // Pinecone's answers for the endpoints every test may touch; requests without the key get nothing.
        pinecone.stubFor(post("/vectors/upsert").withHeader("Api-Key", equalTo(KEY))
                .willReturn(okJson("{\"upsertedCount\":1}")));
        pinecone.stubFor(post("/vectors/delete").withHeader("Api-Key", equalTo(KEY)).willReturn(okJson("{}")));
    }

    @AfterEach
    void stop() {
        pinecone.stop();
    }

    @Test
    void createNamespaceStoresTheTagsInAMarkerRecordOfTheTenantsNamespace() throws Exception {
        store.createNamespace(acme, VectorFixtures.tags(acme, Tier.GOLD));

        pinecone.verify(postRequestedFor(urlPathEqualTo("/vectors/upsert"))
                .withHeader("Api-Key", equalTo(KEY))
                .withHeader("X-Pinecone-API-Version", equalTo(PineconeVectorStore.API_VERSION))
                .withRequestBody(matchingJsonPath("$.namespace", equalTo(ns)))
                .withRequestBody(matchingJsonPath("$.vectors[0].id", equalTo(MARKER)))
                .withRequestBody(matchingJsonPath("$.vectors[0].values", equalToJson("[1.0,0.0,0.0,0.0]")))
                .withRequestBody(matchingJsonPath("$.vectors[0].metadata.TenantID", equalTo(acme.value())))
                .withRequestBody(matchingJsonPath("$.vectors[0].metadata.CostCenter", equalTo(acme.defaultCostCenter()))));
        assertEveryNamespaceIs(ns);
    }

    @Test
    void upsertSendsTheDocumentedRecordShape() throws Exception {
        store.upsert(acme, new VectorDocument("doc-1", "SLA", "Uptime is 99.9 percent.",
                new float[] {0.6f, 0.8f, 0, 0}, Map.of("kind", "demo")));

        pinecone.verify(postRequestedFor(urlPathEqualTo("/vectors/upsert")).withRequestBody(equalToJson(
                "{\"vectors\":[{\"id\":\"doc-1\",\"values\":[0.6,0.8,0.0,0.0],"
                        + "\"metadata\":{\"kind\":\"demo\",\"title\":\"SLA\",\"text\":\"Uptime is 99.9 percent.\"}}],"
                        + "\"namespace\":\"" + ns + "\"}")));
    }

    @Test
    void queryAsksOnlyTheTenantsNamespaceAndNeverReturnsTheMarker() throws Exception {
        pinecone.stubFor(post("/query").withHeader("Api-Key", equalTo(KEY))
                .withRequestBody(equalToJson("{\"namespace\":\"" + ns + "\",\"vector\":[1.0,0.0,0.0,0.0],"
                        + "\"topK\":3,\"includeMetadata\":true,\"includeValues\":false}"))
                .willReturn(okJson("{\"namespace\":\"" + ns + "\",\"matches\":["
                        + "{\"id\":\"" + MARKER + "\",\"score\":0.99,\"metadata\":{\"TenantID\":\"x\"}},"
                        + "{\"id\":\"doc-1\",\"score\":0.91,\"metadata\":{\"title\":\"SLA\",\"text\":\"Uptime.\"}},"
                        + "{\"id\":\"doc-2\",\"score\":0.42,\"metadata\":{\"title\":\"FAQ\",\"text\":\"Formats.\"}}]}")));

        List<VectorHit> hits = store.query(acme, new float[] {1, 0, 0, 0}, 2);

        assertThat(hits).containsExactly(new VectorHit(ns, "doc-1", 0.91, "SLA", "Uptime."),
                new VectorHit(ns, "doc-2", 0.42, "FAQ", "Formats."));
        assertEveryNamespaceIs(ns);
    }

    @Test
    void aQueryForAnotherNamespaceIsRefusedBeforeAnyRequestIsSent() {
        Slug other = TestServices.uniqueSlug("pc");

        assertThatThrownBy(() -> store.query(acme, other.qualifiedName(), new float[] {1, 0, 0, 0}, 2))
                .isInstanceOf(NamespaceAccessDeniedException.class);
        pinecone.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAnswerFromAnotherNamespaceIsRefused() {
        pinecone.stubFor(post("/query").willReturn(okJson("{\"namespace\":\"tenant-someone-else\",\"matches\":["
                + "{\"id\":\"doc-9\",\"score\":0.9,\"metadata\":{\"title\":\"Theirs\",\"text\":\"Secret.\"}}]}")));

        assertThatThrownBy(() -> store.query(acme, new float[] {1, 0, 0, 0}, 2))
                .isInstanceOf(ResourceException.class)
                .hasMessage("Pinecone answered a query for " + ns + " from namespace 'tenant-someone-else'; "
                        + "refusing the result");
    }

    @Test
    void describeReadsTheTagsFromTheMarkerAndCountsPassages() throws Exception {
        stubMarker(ns, "{\"TenantID\":\"" + acme + "\",\"ManagedBy\":\"tenantctl\",\"tenantctl_record\":\"namespace\"}");
        stubStats("{\"" + ns + "\":{\"vectorCount\":3},\"other\":{\"vectorCount\":9}}");

        NamespaceDescription described = store.describe(acme).orElseThrow();

        assertThat(described.tags()).isEqualTo(Map.of("TenantID", acme.value(), "ManagedBy", "tenantctl"));
        assertThat(described.documents()).isEqualTo(2);
        assertThat(described.identifier()).isEqualTo(pinecone.baseUrl() + "#" + ns);
    }

    @Test
    void describeOfAMissingNamespaceIsEmpty() throws Exception {
        pinecone.stubFor(get(urlPathEqualTo("/vectors/fetch")).willReturn(okJson("{\"vectors\":{}}")));
        stubStats("{}");

        assertThat(store.describe(acme)).isEmpty();
    }

    @Test
    void listNamespacesFindsTenantNamespacesWithTheirTags() throws Exception {
        Slug other = TestServices.uniqueSlug("pc");
        stubStats("{\"" + ns + "\":{\"vectorCount\":1},\"" + other.qualifiedName() + "\":{\"vectorCount\":4},"
                + "\"scratch\":{\"vectorCount\":2}}");
        stubMarker(ns, "{\"ManagedBy\":\"tenantctl\",\"TenantctlRegistry\":\"" + TestServices.MARKER.registry() + "\"}");
        pinecone.stubFor(get(urlPathEqualTo("/vectors/fetch")).withQueryParam("namespace", equalTo(other.qualifiedName()))
                .willReturn(okJson("{\"vectors\":{}}")));

        List<NamespaceDescription> listed = store.listNamespaces();

        assertThat(listed).extracting(NamespaceDescription::namespace)
                .containsExactlyInAnyOrder(ns, other.qualifiedName());
        assertThat(new VectorNamespaceDriver(store, slug -> 0, TestServices.MARKER).listManaged())
                .extracting(m -> m.tenantSlug()).containsExactly(acme.value());
    }

    @Test
    void dropNamespaceDeletesAllOfItAndTreatsNotFoundAsDone() throws Exception {
        store.dropNamespace(acme);
        pinecone.verify(postRequestedFor(urlPathEqualTo("/vectors/delete"))
                .withRequestBody(equalToJson("{\"deleteAll\":true,\"namespace\":\"" + ns + "\"}")));

        pinecone.stubFor(post("/vectors/delete").willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":5,\"message\":\"Namespace not found\"}")));
        store.dropNamespace(acme);
        store.delete(acme, List.of("doc-1", "doc-2"));
        pinecone.verify(postRequestedFor(urlPathEqualTo("/vectors/delete"))
                .withRequestBody(equalToJson("{\"ids\":[\"doc-1\",\"doc-2\"],\"namespace\":\"" + ns + "\"}")));
        assertEveryNamespaceIs(ns);
    }

    @Test
    void serviceErrorsNameTheOperationAndNeverTheKey() {
        pinecone.stubFor(post("/vectors/upsert").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid Api-Key " + KEY + "\"}")));

        assertThatThrownBy(() -> store.createNamespace(acme, Map.of()))
                .isInstanceOf(ResourceException.class)
                .hasMessage("Pinecone POST /vectors/upsert on " + pinecone.baseUrl() + " answered HTTP 401")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY));
    }

    @Test
    void theDriverOverPineconeReportsTheBackendAndNamespace() throws Exception {
        stubMarker(ns, "{\"ManagedBy\":\"tenantctl\",\"TenantctlRegistry\":\"" + TestServices.MARKER.registry() + "\"}");
        stubStats("{\"" + ns + "\":{\"vectorCount\":1}}");

        var created = new VectorNamespaceDriver(store, slug -> 0, TestServices.MARKER).create(VectorFixtures.spec(acme, Tier.SILVER));

        assertThat(created.attributes()).containsEntry("vector.backend", "pinecone")
                .containsEntry("vector.namespace", ns).containsEntry("vector.documents", "0");
        assertEveryNamespaceIs(ns);
    }

    @Test
    void settingsChooseTheBackend() {
        Settings pineconeSettings = Settings.of(Map.of(Setting.VECTOR_STORE, "pinecone",
                Setting.PINECONE_INDEX_HOST, "idx-abc.svc.example.pinecone.io", Setting.PINECONE_API_KEY, KEY));
        assertThat(VectorStore.fromSettings(pineconeSettings, 384).backend()).isEqualTo("pinecone");
        assertThat(VectorStore.fromSettings(Settings.of(Map.of(Setting.DATA_DIR, "/tmp/x")), 384).backend())
                .isEqualTo("lucene");
        assertThatThrownBy(() -> VectorStore.fromSettings(Settings.of(Map.of(Setting.VECTOR_STORE, "milvus")), 384))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("VECTOR_STORE must be lucene or pinecone, got 'milvus'");
    }

    private void stubMarker(String namespace, String metadata) {
        pinecone.stubFor(get(urlPathEqualTo("/vectors/fetch")).withHeader("Api-Key", equalTo(KEY))
                .withQueryParam("ids", equalTo(MARKER)).withQueryParam("namespace", equalTo(namespace))
                .willReturn(okJson("{\"namespace\":\"" + namespace + "\",\"vectors\":{\"" + MARKER + "\":{\"id\":\""
                        + MARKER + "\",\"values\":[1,0,0,0],\"metadata\":" + metadata + "}}}")));
    }

    private void stubStats(String namespaces) {
        pinecone.stubFor(post("/describe_index_stats").withHeader("Api-Key", equalTo(KEY))
                .willReturn(okJson("{\"namespaces\":" + namespaces + ",\"dimension\":4,\"totalVectorCount\":12}")));
    }

    /** Every request that named a namespace (body or query string) named this one. */
    private void assertEveryNamespaceIs(String namespace) throws Exception {
        List<ServeEvent> events = pinecone.getAllServeEvents();
        assertThat(events).isNotEmpty();
        for (ServeEvent event : events) {
            String body = event.getRequest().getBodyAsString();
            if (body != null && !body.isBlank()) {
                JsonNode named = json.readTree(body).path("namespace");
                assertThat(named.isMissingNode() || named.asText().equals(namespace))
                        .as("namespace in %s %s", event.getRequest().getUrl(), body).isTrue();
            }
            if (event.getRequest().getUrl().contains("namespace=")) {
                assertThat(event.getRequest().queryParameter("namespace").firstValue()).isEqualTo(namespace);
            }
        }
    }
}
