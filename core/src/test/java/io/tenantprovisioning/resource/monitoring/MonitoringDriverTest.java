package io.tenantprovisioning.resource.monitoring;

import io.tenantprovisioning.testing.TestServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.objectstore.TenantSpecs;
import io.tenantprovisioning.testing.KindPhases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringDriverTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Slug acme = Slug.of("acme-corp");

    @TempDir
    Path targetsDir;
    @TempDir
    Path dashboardsDir;

    private MonitoringDriver driver;

    @BeforeEach
    void setUp() {
        driver = new MonitoringDriver(targetsDir, dashboardsDir, "127.0.0.1:9400", Optional.empty(), TestServices.MARKER);
    }

    @Test
    void writesAFileSdTargetLabelledWithTheTenantsTags() throws Exception {
        CreatedResource created = KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));

        JsonNode file = json.readTree(targetsDir.resolve("tenant-acme-corp.json").toFile());
        assertThat(file.isArray()).isTrue();
        assertThat(file).hasSize(1);
        assertThat(file.get(0).get("targets")).extracting(JsonNode::asText).containsExactly("127.0.0.1:9400");
        assertThat(PrometheusTargetFile.fromJson(file).labels()).isEqualTo(java.util.Map.of(
                "tenant_id", "acme-corp", "tier", "Gold", "cost_center", "CC_ACME_CORP", "managed_by", "tenantctl",
                "request_id", "req-acme-corp", "tenantctl_registry", TestServices.MARKER.registry().toString()));
        assertThat(created.kind()).isEqualTo(ResourceKind.MONITORING);
        assertThat(created.attributes()).containsEntry(MonitoringDriver.DASHBOARD_UID, "tenant-acme-corp")
                .containsEntry(MonitoringDriver.TARGET_FILE, targetsDir.resolve("tenant-acme-corp.json").toString());
        assertThat(created.secrets()).isEmpty();
        try (var files = Files.list(targetsDir)) {
            assertThat(files).as("no temp file left behind").hasSize(1);
        }
    }

    @Test
    void writesADashboardWhosePanelsFilterByTenant() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));

        JsonNode dashboard = json.readTree(dashboardsDir.resolve("tenant-acme-corp.json").toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("tenant-acme-corp");
        assertThat(dashboard.get("title").asText()).contains("acme-corp");
        assertThat(dashboard.get("tags")).extracting(JsonNode::asText).containsExactly("TenantID:acme-corp",
                "Tier:Gold", "CostCenter:CC_ACME_CORP", "ManagedBy:tenantctl", "RequestId:req-acme-corp",
                "TenantctlRegistry:" + TestServices.MARKER.registry());
        assertThat(dashboard.get("panels")).extracting(p -> p.get("title").asText())
                .containsExactly("Query rate", "Query latency (p95)", "Errors");
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.at("/targets/0/expr").asText()).contains("tenant_id=\"acme-corp\"");
        }
    }

    @Test
    void describeReadsTheTagsBackAndReportsOnlyWhatBothCopiesAgreeOn() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));
        assertThat(driver.describe(acme).orElseThrow().tags()).isEqualTo(TenantSpecs.markedTags(acme));

        Path dashboardFile = dashboardsDir.resolve("tenant-acme-corp.json");
        ObjectNode dashboard = (ObjectNode) json.readTree(dashboardFile.toFile());
        ArrayNode withoutCostCenter = json.createArrayNode();
        dashboard.get("tags").forEach(t -> {
            if (!t.asText().startsWith("CostCenter:")) {
                withoutCostCenter.add(t);
            }
        });
        dashboard.set("tags", withoutCostCenter);
        json.writeValue(dashboardFile.toFile(), dashboard);

        assertThat(driver.describe(acme).orElseThrow().tags()).doesNotContainKey(ChargebackTags.COST_CENTER)
                .containsEntry(ChargebackTags.TENANT_ID, "acme-corp");
    }

    @Test
    void destroyRemovesBothFilesAndCanRunTwice() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));

        driver.destroy(acme);
        driver.destroy(acme);

        assertThat(targetsDir.resolve("tenant-acme-corp.json")).doesNotExist();
        assertThat(dashboardsDir.resolve("tenant-acme-corp.json")).doesNotExist();
        assertThat(driver.describe(acme)).isEmpty();
        assertThat(driver.listManaged()).isEmpty();
    }

    @Test
    void reCreateIsIdempotent() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));
        String first = Files.readString(targetsDir.resolve("tenant-acme-corp.json"));

        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));

        assertThat(Files.readString(targetsDir.resolve("tenant-acme-corp.json"))).isEqualTo(first);
        assertThat(driver.listManaged()).hasSize(2);
    }

    @Test
    void listManagedFindsOurFilesAndLeavesOthersAlone() throws Exception {
        KindPhases.createAndConfigure(driver, TenantSpecs.spec(acme));
        Files.writeString(targetsDir.resolve("node-exporter.json"), "[{\"targets\":[\"x:1\"]}]");
        Files.writeString(targetsDir.resolve("tenant-foreign.json"),
                "[{\"targets\":[\"x:1\"],\"labels\":{\"managed_by\":\"someone-else\"}}]");
        Files.writeString(targetsDir.resolve("tenant-half-written.json"), "[{\"targ");

        assertThat(driver.listManaged()).containsExactly(
                new ManagedResource(ResourceKind.MONITORING, "prometheus-target/tenant-acme-corp.json", "acme-corp"),
                new ManagedResource(ResourceKind.MONITORING, "dashboard-file/tenant-acme-corp.json", "acme-corp"));
    }
}
