package io.tenantprovisioning.resource.monitoring;

import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.resource.OwnershipMarker;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TerraformCreated;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.objectstore.TenantSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana HTTP API calls, against WireMock stubs shaped like Grafana's documented API. */
class GrafanaPushTest {

    /** The dashboard tag of the test registry's ownership marker. */
    private static final String REGISTRY_TAG = OwnershipMarker.REGISTRY_TAG + ":" + TestServices.MARKER.registry();

    private static final String TOKEN = "glsa_test_token_0123456789abcdef";

    private final Slug acme = Slug.of("acme-corp");
    private WireMockServer grafana;
    private MonitoringDriver driver;

    @TempDir
    Path targetsDir;
    @TempDir
    Path dashboardsDir;

    @BeforeEach
    void start() {
        grafana = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        grafana.start();
        driver = new MonitoringDriver(targetsDir, dashboardsDir, "127.0.0.1:9400", Optional.of(new GrafanaClient(
                URI.create(grafana.baseUrl()), Optional.of(Secret.of(TOKEN)), Optional.of("tenants-folder"))), TestServices.MARKER);
    }

    @AfterEach
    void stop() {
        grafana.stop();
    }

    @Test
    void createPostsTheDashboardWithOverwriteAndTheBearerToken() throws Exception {
        grafana.stubFor(post("/api/dashboards/db").willReturn(okJson(
                "{\"id\":1,\"uid\":\"tenant-acme-corp\",\"url\":\"/d/tenant-acme-corp\",\"status\":\"success\",\"version\":1}")));

        driver.create(TenantSpecs.spec(acme));

        grafana.verify(postRequestedFor(urlEqualTo("/api/dashboards/db"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.dashboard.uid", equalTo("tenant-acme-corp")))
                .withRequestBody(equalToJson("{\"dashboard\":{\"id\":null},\"overwrite\":true}", true, true))
                .withRequestBody(matchingJsonPath("$.dashboard.tags[0]", equalTo("TenantID:acme-corp")))
                .withRequestBody(matchingJsonPath("$.dashboard.panels[0].targets[0].expr"))
                .withRequestBody(matchingJsonPath("$.folderUid", equalTo("tenants-folder"))));
    }

    @Test
    void describeReadsTheDashboardTagsFromGrafana() throws Exception {
        grafana.stubFor(post("/api/dashboards/db").willReturn(okJson("{\"status\":\"success\"}")));
        driver.create(TenantSpecs.spec(acme));
        grafana.stubFor(get("/api/dashboards/uid/tenant-acme-corp").willReturn(okJson(
                "{\"dashboard\":{\"uid\":\"tenant-acme-corp\",\"tags\":[\"TenantID:acme-corp\",\"Tier:Gold\"]},"
                        + "\"meta\":{\"slug\":\"tenant-acme-corp\"}}")));

        assertThat(driver.describe(acme).orElseThrow().tags())
                .containsOnly(java.util.Map.entry(ChargebackTags.TENANT_ID, "acme-corp"),
                        java.util.Map.entry(ChargebackTags.TIER, "Gold"));
    }

    @Test
    void aDashboardTerraformCreatedIsAdoptedOnlyWithTheTenantsMarkerAndNeverPushedAgain() throws Exception {
        grafana.stubFor(get("/api/dashboards/uid/tenant-acme-corp").willReturn(okJson(
                "{\"dashboard\":{\"uid\":\"tenant-acme-corp\",\"tags\":[\"tenantctl\",\"TenantID:acme-corp\","
                        + "\"ManagedBy:tenantctl\",\"" + REGISTRY_TAG + "\"]}}")));
        TerraformCreated outputs = new TerraformCreated(Map.of(MonitoringDriver.DASHBOARD_UID, "tenant-acme-corp",
                MonitoringDriver.DASHBOARD_URL, "http://grafana.local/d/tenant-acme-corp"), Map.of());

        CreatedResource adopted = driver.adopt(TenantSpecs.spec(acme), outputs);
        ConfiguredResource configured = driver.configure(TenantSpecs.spec(acme), adopted);

        assertThat(adopted.attributes()).containsEntry(MonitoringDriver.DASHBOARD_URL,
                "http://grafana.local/d/tenant-acme-corp");
        assertThat(configured.resource().attributes()).containsKey(MonitoringDriver.TARGET_FILE);
        assertThat(targetsDir.resolve("tenant-acme-corp.json")).exists();
        grafana.verify(0, postRequestedFor(urlEqualTo("/api/dashboards/db")));

        grafana.stubFor(get("/api/dashboards/uid/tenant-acme-corp").willReturn(okJson(
                "{\"dashboard\":{\"uid\":\"tenant-acme-corp\",\"tags\":[\"TenantID:someone-else\","
                        + "\"ManagedBy:tenantctl\"]}}")));
        assertThatThrownBy(() -> driver.adopt(TenantSpecs.spec(acme), outputs)).isInstanceOf(ResourceException.class)
                .hasMessageContaining("belongs to tenant 'someone-else'");
        assertThatThrownBy(() -> driver.create(TenantSpecs.spec(acme))).isInstanceOf(ResourceException.class)
                .hasMessageContaining("belongs to tenant 'someone-else'");
    }

    @Test
    void destroyDeletesByUidAndToleratesADashboardThatIsGone() throws Exception {
        grafana.stubFor(delete("/api/dashboards/uid/tenant-acme-corp").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Dashboard not found\"}")));

        grafana.stubFor(get("/api/dashboards/uid/tenant-acme-corp").willReturn(okJson(
                "{\"dashboard\":{\"uid\":\"tenant-acme-corp\",\"tags\":[\"TenantID:acme-corp\",\"ManagedBy:tenantctl\",\""
                        + REGISTRY_TAG + "\"]}}")));

        driver.destroy(acme);

        grafana.verify(deleteRequestedFor(urlEqualTo("/api/dashboards/uid/tenant-acme-corp"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void listManagedAsksGrafanaForDashboardsTaggedManagedBy() throws Exception {
        grafana.stubFor(get(urlPathEqualTo("/api/search")).willReturn(okJson(
                "[{\"id\":7,\"uid\":\"tenant-globex\",\"title\":\"Tenant globex\",\"type\":\"dash-db\","
                        + "\"tags\":[\"TenantID:globex\",\"ManagedBy:tenantctl\",\"" + REGISTRY_TAG + "\"]}]")));

        assertThat(driver.listManaged()).containsExactly(
                new ManagedResource(ResourceKind.MONITORING, "grafana-dashboard/tenant-globex", "globex"));
        grafana.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/search"))
                .withQueryParam("tag", equalTo(REGISTRY_TAG))
                .withQueryParam("type", equalTo("dash-db")));
    }

    @Test
    void destroyLeavesADashboardWithoutThisRegistrysMarker() throws Exception {
        grafana.stubFor(get("/api/dashboards/uid/tenant-acme-corp").willReturn(okJson(
                "{\"dashboard\":{\"uid\":\"tenant-acme-corp\",\"tags\":[\"TenantID:acme-corp\",\"ManagedBy:tenantctl\","
                        + "\"TenantctlRegistry:00000000-0000-0000-0000-000000000001\"]}}")));

        driver.destroy(acme);

        grafana.verify(0, deleteRequestedFor(urlEqualTo("/api/dashboards/uid/tenant-acme-corp")));
    }

    @Test
    void aRefusedPushNamesGrafanasAnswerButNeverTheToken() {
        grafana.stubFor(post("/api/dashboards/db").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"invalid API key " + TOKEN + "\"}")));

        assertThatThrownBy(() -> driver.create(TenantSpecs.spec(acme)))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid API key")
                .satisfies(e -> {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain(TOKEN);
                });
    }

    @Test
    void thePushBodyIsTheDashboardModelTheFileHolds() throws Exception {
        grafana.stubFor(post("/api/dashboards/db").willReturn(okJson("{\"status\":\"success\"}")));

        driver.create(TenantSpecs.spec(acme));

        String model = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dashboardsDir.resolve("tenant-acme-corp.json").toFile()).get("panels").toString();
        grafana.verify(postRequestedFor(urlEqualTo("/api/dashboards/db"))
                .withRequestBody(equalToJson("{\"dashboard\":{\"panels\":" + model + "}}", true, true)));
    }
}
