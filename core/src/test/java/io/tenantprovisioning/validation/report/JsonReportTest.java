package io.tenantprovisioning.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theDocumentedShape() throws Exception {
        JsonNode json = mapper.readTree(JsonReport.render(SampleReports.mixed("acme-corp")));

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("schemaVersion", "tenant", "tier", "verdict", "passed", "startedAt",
                "finishedAt", "elapsedMs", "counts", "blockingFailures", "checks");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("tenant").asText()).isEqualTo("acme-corp");
        assertThat(json.get("tier").asText()).isEqualTo("Gold");
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("startedAt").asText()).isEqualTo("2025-01-31T10:15:30Z");
        assertThat(json.get("elapsedMs").asLong()).isEqualTo(12_345);
        assertThat(json.get("counts").toString())
                .isEqualTo("{\"total\":5,\"PASSED\":1,\"FAILED\":1,\"WARNING\":1,\"TIMED_OUT\":1,\"SKIPPED\":1}");
        assertThat(json.get("blockingFailures")).hasSize(2);

        JsonNode failed = json.get("checks").get(1);
        assertThat(failed.get("id").asText()).isEqualTo("cross-tenant-isolation");
        assertThat(failed.get("name").asText()).isEqualTo("Cross-tenant isolation");
        assertThat(failed.get("critical").asBoolean()).isTrue();
        assertThat(failed.get("result").asText()).isEqualTo("FAILED");
        assertThat(failed.get("blocking").asBoolean()).isTrue();
        assertThat(failed.get("elapsedMs").asLong()).isEqualTo(2_003);
        assertThat(failed.get("figure").asText()).isEqualTo("1 violations, 0 probe errors");
        assertThat(failed.get("message").asText()).contains("GET t:b:probe succeeded");
        assertThat(json.get("checks").get(4).get("figure").isNull()).isTrue();
        assertThat(json.get("checks").get(3).get("blocking").asBoolean()).isFalse();
    }

    @Test
    void severalTenants() throws Exception {
        JsonNode json = mapper.readTree(JsonReport.render(List.of(SampleReports.mixed("acme-corp"),
                SampleReports.allPassed("globex"))));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("tenants")).hasSize(2);
        assertThat(json.get("tenants").get(1).get("tenant").asText()).isEqualTo("globex");
        assertThat(json.get("tenants").get(1).has("schemaVersion")).isFalse();
        assertThat(json.get("tenants").get(1).get("passed").asBoolean()).isTrue();
    }
}
