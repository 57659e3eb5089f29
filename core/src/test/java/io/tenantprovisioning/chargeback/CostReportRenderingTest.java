package io.tenantprovisioning.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** JSON, CSV, HTML and the text table of a report built from a real registry (see {@link CostFixture}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostReportRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CostFixture fixture;
    private CostReport report;

    @BeforeAll
    void submitTenants() {
        fixture = new CostFixture();
        report = fixture.report;
        assertThat(report.lines()).hasSize(4);
    }

    @AfterAll
    void dropRegistry() throws SQLException {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void csvParsesBackToTheReportsLines() {
        List<List<String>> records = CsvRecords.parse(CostReportCsv.render(report));

        assertThat(records.get(0)).isEqualTo(CostReportCsv.HEADER);
        List<Map<String, String>> rows = records.subList(1, records.size()).stream().map(r -> {
            assertThat(r).hasSameSizeAs(CostReportCsv.HEADER);
            return CostReportCsv.HEADER.stream().collect(Collectors.toMap(Function.identity(),
                    h -> r.get(CostReportCsv.HEADER.indexOf(h))));
        }).toList();
        assertThat(rows).hasSize(report.lines().size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            CostReportLine line = report.lines().get(i);
            assertThat(row.get("month")).isEqualTo(report.month().toString());
            assertThat(row.get("slug")).isEqualTo(line.slug().value());
            assertThat(row.get("cost_center")).isEqualTo(line.costCenter()).isEqualTo(row.get("tag_CostCenter"));
            assertThat(Long.parseLong(row.get("monthly_inr"))).isEqualTo(line.monthlyInr());
            assertThat(row.get("tag_TenantID")).isEqualTo(line.tags().tenantId());
            assertThat(row.get("tag_RequestId")).isEqualTo(line.tags().requestId());
            assertThat(row.get("tag_ManagedBy")).isEqualTo("tenantctl");
            assertThat(row.get("tier")).isEqualTo(line.tier().displayName()).isEqualTo(row.get("tag_Tier"));
        }
        assertThat(rows).extracting(r -> r.get("name"))
                .as("the comma and quotes survive; the formula is defused with a leading quote")
                .contains(fixture.awkwardName, "'" + fixture.formulaName);
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(CostReportCsv.quote("plain")).isEqualTo("plain");
        assertThat(CostReportCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CostReportCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CostReportCsv.quote("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(CsvRecords.parse(CostReportCsv.quote("two\r\nlines") + ",x\r\n"))
                .containsExactly(List.of("two\r\nlines", "x"));
        assertThat(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")).map(CostReportCsv::text)
                .allSatisfy(t -> assertThat(t).startsWith("'"));
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode root = JSON.readTree(CostReportJson.render(report));

        assertThat(root.path("schemaVersion").asInt()).isEqualTo(CostReportJson.SCHEMA_VERSION);
        assertThat(root.path("month").asText()).isEqualTo(report.month().toString());
        assertThat(root.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(root.path("currency").asText()).isEqualTo("INR");
        assertThat(root.path("tenantCount").asInt()).isEqualTo(4);
        assertThat(root.path("totalMonthlyInr").asLong()).isEqualTo(report.totalMonthlyInr());
        assertThat(root.path("costCenters")).extracting(c -> c.path("costCenter").asText())
                .containsExactly(CostFixture.FINANCE, CostFixture.RESEARCH);
        long sum = 0;
        for (JsonNode tenant : root.path("tenants")) {
            CostReportLine line = report.lines().stream()
                    .filter(l -> l.slug().value().equals(tenant.path("slug").asText())).findFirst().orElseThrow();
            assertThat(tenant.path("name").asText()).isEqualTo(line.name());
            assertThat(tenant.path("monthlyInr").asLong()).isEqualTo(line.monthlyInr());
            assertThat(tenant.path("tierMultiplier").asInt()).isEqualTo(line.estimate().tierMultiplier());
            assertThat(tenant.path("regionMultiplier").decimalValue())
                    .isEqualByComparingTo(line.estimate().regionMultiplier());
            assertThat(tenant.path("tags").path("RequestId").asText()).isEqualTo(line.tags().requestId());
            assertThat(tenant.path("tags").size()).isEqualTo(5);
            sum += tenant.path("monthlyInr").asLong();
        }
        assertThat(sum).isEqualTo(root.path("totalMonthlyInr").asLong());
    }

    @Test
    void htmlIsOneWellFormedPageWithEveryTenantEscaped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cost.html");
        CostReportHtml.write(report, file);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        Document page = parseXml(html);
        assertThat(page.getElementsByTagName("table").getLength()).as("one table per cost center").isEqualTo(2);
        assertThat(page.getElementsByTagName("section").getLength()).isEqualTo(2);
        assertThat(html).doesNotContain("<i>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("url(").doesNotContain("@import");
        for (CostReportLine line : report.lines()) {
            assertThat(html).contains(escape(line.name())).contains(line.slug().value())
                    .contains(escape(line.tags().requestId())).contains(Rupees.format(line.monthlyInr()));
        }
        assertThat(html).contains("Acme, &quot;Q&quot; &lt;i&gt;&amp;Co")
                .contains(Rupees.format(report.totalMonthlyInr()));
        // a bar per cost center plus one per tenant, the largest of each chart full width
        assertThat(html.split("class=\"bar-row\"", -1)).hasSize(1 + 2 + 4);
        assertThat(html.split("width:100.0%", -1)).hasSize(1 + 1 + 2);
    }

    @Test
    void theTextTableListsEveryTenantAndTheTotals() {
        String table = CostReportTable.render(report);
        assertThat(table).startsWith("Cost report for " + report.month() + " (UTC): 4 billable tenants in 2 cost "
                + "centers, " + Rupees.format(report.totalMonthlyInr()) + "/month");
        for (CostReportLine line : report.lines()) {
            assertThat(table).contains(line.slug().value()).contains(line.name());
        }
        assertThat(table).contains(CostFixture.FINANCE + " — 2 tenants")
                .contains("TOTAL " + Rupees.format(report.totalMonthlyInr()));
    }

    private static Document parseXml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
