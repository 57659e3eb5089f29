package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.CredentialAge;
import io.tenantprovisioning.application.DriftStatus;
import io.tenantprovisioning.application.FleetQuery;
import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.FleetTenant;
import io.tenantprovisioning.application.ValidationSummary;
import io.tenantprovisioning.chargeback.CostCenterTotal;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.report.ColumnChart;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fleet report's three renderings (page, JSON, terminal) of one hand-built model. */
class FleetPageTest {

    static final Instant NOW = Instant.parse("2026-12-06T20:40:00Z");
    static final String HOSTILE = "<script>alert('x')</script> & \"co\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    static FleetReport report() {
        FleetTenant acme = new FleetTenant(UUID.randomUUID(), Slug.of("acme-corp"), HOSTILE, TenantState.ACTIVE,
                Tier.GOLD, "us-east-1", "FINANCE", 75_000,
                List.of(run(3, true, 8), run(2, false, 7), run(1, true, 9)),
                List.of(new CredentialAge("postgres.password", NOW.minus(Duration.ofDays(4)), Duration.ofDays(4)),
                        new CredentialAge("redis.password", NOW.minus(Duration.ofHours(5)), Duration.ofHours(5))),
                new DriftStatus.Clean(NOW.minus(Duration.ofHours(1))));
        FleetTenant beta = new FleetTenant(UUID.randomUUID(), Slug.of("beta-labs"), "Beta", TenantState.DEGRADED,
                Tier.BRONZE, "ap-south-1", "RESEARCH", 22_500, List.of(run(1, false, 7)), List.of(),
                new DriftStatus.Drifted(NOW.minus(Duration.ofHours(1)), List.of("redis t_beta_labs: MISSING — "
                        + HOSTILE)));
        FleetTenant gone = new FleetTenant(UUID.randomUUID(), Slug.of("gone-corp"), "Gone", TenantState.ROLLED_BACK,
                Tier.SILVER, "eu-west-1", "RESEARCH", 60_000, List.of(), List.of(), new DriftStatus.NotChecked());
        return new FleetReport(NOW, new FleetQuery(true, 10), List.of(acme, beta, gone), YearMonth.of(2026, 12),
                List.of(new CostCenterTotal("FINANCE", 1, 75_000), new CostCenterTotal("RESEARCH", 1, 22_500)),
                97_500);
    }

    private static ValidationSummary run(int hoursAgo, boolean passed, int checksPassed) {
        return new ValidationSummary(NOW.minus(Duration.ofHours(hoursAgo)), passed, checksPassed, 9);
    }

    private final String html = FleetPage.render(report());

    @Test
    void oneRowPerTenantWithItsFiguresTrendCredentialsAndDrift() {
        assertThat(html).contains("<title>Fleet report 2026-12-06 20:40Z</title>", "<h1>Tenant fleet</h1>",
                "<p>3 tenants: 1 ACTIVE, 1 DEGRADED, 1 ROLLED_BACK</p>",
                "Chargeback of 2026-12 (UTC): <strong>₹97,500</strong>/month",
                "<tr class=\"PASSED\"><td><ul class=\"lines\"><li><code>acme-corp</code></li>",
                "<td class=\"result\">ACTIVE</td><td>Gold</td><td>us-east-1</td><td><code>FINANCE</code></td>"
                        + "<td class=\"num\">₹75,000</td>",
                "<span class=\"verdict PASSED\">PASSED</span> 9/9 · 2026-12-06 19:40Z",
                "<span class=\"trend\"><span class=\"mark PASSED\" title=\"2026-12-06 17:40Z PASSED 8/9\">✓</span>"
                        + "<span class=\"mark FAILED\" title=\"2026-12-06 18:40Z FAILED 7/9\">✗</span>"
                        + "<span class=\"mark PASSED\" title=\"2026-12-06 19:40Z PASSED 9/9\">✓</span></span>",
                "<li><code>postgres.password</code> 4d</li><li><code>redis.password</code> 5h</li>",
                "<td>none · 2026-12-06 19:40Z</td>",
                "<tr class=\"FAILED\">", "<li><strong>1 finding</strong> · 2026-12-06 19:40Z</li>",
                "<tr class=\"SKIPPED\">", "<td>never</td>", "<td>none (removed)</td>", "<td>not checked</td>",
                "<h2>Tenants (finished ones included)</h2>", "<h2>Cost per cost center — 2026-12</h2>",
                "<tfoot>\n<tr><td>Total</td><td class=\"num\">2</td><td class=\"num\">₹97,500</td></tr>");
    }

    @Test
    void theCostCentersAreAnInlineSvgChartAboveTheTenants() {
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"columns\"",
                "<title>FINANCE: ₹75,000</title>", "<title>RESEARCH: ₹22,500</title>");
        assertThat(html.indexOf("<svg")).isLessThan(html.indexOf("<h2>Tenants"));
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://",
                "src=", "url(", "<script", "<link", "@import");
    }

    /** For Jenkins (the nightly job archives the page): no inline style, the stylesheet linked beside it. */
    @Test
    void theLinkedPageHasNoInlineStyle() {
        String linked = FleetPage.renderLinked(report());

        assertThat(linked).contains("<link rel=\"stylesheet\" href=\"tenant-report.css\"/>", "<svg");
        assertThat(java.util.regex.Pattern.compile("(?i)<style|\\sstyle\\s*=").matcher(linked).find()).isFalse();
    }

    @Test
    void tenantNamesAndFindingsAreEscaped() {
        assertThat(html).doesNotContain("<script", "alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
        assertThat(html).isEqualTo(HtmlPage.render(FleetPage.page(report())));
    }

    @Test
    void manyCostCentersShareTheLastColumnAndTheTableListsThemAll() {
        List<CostCenterTotal> centers = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new CostCenterTotal(String.format("CC%02d", i), 1, i * 1_000L)).toList();

        List<ColumnChart.Column> columns = FleetPage.columns(centers);

        assertThat(columns).hasSize(FleetPage.CHART_COLUMNS);
        assertThat(columns.get(0).label()).isEqualTo("CC20");
        assertThat(columns.get(columns.size() - 1)).isEqualTo(new ColumnChart.Column("9 others", 45_000, "₹45,000"));
        assertThat(columns.stream().mapToLong(ColumnChart.Column::value).sum()).isEqualTo(210_000);
        assertThat(FleetPage.columns(centers.subList(0, 12))).hasSize(12).noneMatch(c -> c.label().contains("others"));
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode root = JSON.readTree(FleetJson.render(report()));

        assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.path("generatedAt").asText()).isEqualTo("2026-12-06T20:40:00Z");
        assertThat(root.path("includesFinished").asBoolean()).isTrue();
        assertThat(root.path("tenantCount").asInt()).isEqualTo(3);
        assertThat(root.path("states").toString()).isEqualTo("{\"ACTIVE\":1,\"DEGRADED\":1,\"ROLLED_BACK\":1}");
        JsonNode acme = root.path("tenants").get(0);
        assertThat(acme.path("slug").asText()).isEqualTo("acme-corp");
        assertThat(acme.path("name").asText()).isEqualTo(HOSTILE);
        assertThat(acme.path("monthlyCostInr").asLong()).isEqualTo(75_000);
        assertThat(acme.path("lastValidation").toString()).isEqualTo(
                "{\"finishedAt\":\"2026-12-06T19:40:00Z\",\"passed\":true,\"checksPassed\":9,\"checksTotal\":9}");
        assertThat(acme.path("trend").findValuesAsText("passed")).containsExactly("true", "false", "true");
        assertThat(acme.path("credentials").get(0).toString()).isEqualTo(
                "{\"name\":\"postgres.password\",\"writtenAt\":\"2026-12-02T20:40:00Z\",\"ageDays\":4}");
        assertThat(acme.path("drift").path("status").asText()).isEqualTo("NONE");
        JsonNode beta = root.path("tenants").get(1);
        assertThat(beta.path("drift").path("status").asText()).isEqualTo("DRIFTED");
        assertThat(beta.path("drift").path("findings")).hasSize(1);
        JsonNode gone = root.path("tenants").get(2);
        assertThat(gone.path("lastValidation").isNull()).isTrue();
        assertThat(gone.path("drift").toString()).isEqualTo(
                "{\"status\":\"NOT_CHECKED\",\"checkedAt\":null,\"findings\":[]}");
        assertThat(root.path("chargeback").toString()).isEqualTo("{\"month\":\"2026-12\",\"costCenters\":["
                + "{\"costCenter\":\"FINANCE\",\"tenants\":1,\"monthlyInr\":75000},"
                + "{\"costCenter\":\"RESEARCH\",\"tenants\":1,\"monthlyInr\":22500}],\"totalMonthlyInr\":97500}");
    }

    @Test
    void theTerminalTableIsOneLinePerTenantThenTheCostCenters() {
        String text = FleetTable.render(report());

        assertThat(text).startsWith("Fleet at 2026-12-06 20:40Z: 3 tenants: 1 ACTIVE, 1 DEGRADED, 1 ROLLED_BACK")
                .containsPattern("acme-corp +ACTIVE +Gold +us-east-1 +₹75,000 +FINANCE +2026-12-06 19:40Z PASS 9/9 "
                        + "+✓✗✓ +2, oldest 4d +none")
                .containsPattern("beta-labs +DEGRADED .* FAIL 7/9 +✗ +none +1 finding")
                .containsPattern("gone-corp +ROLLED_BACK .* never +- +none +not checked")
                .contains("Cost per cost center, chargeback of 2026-12 (UTC, as tenantctl cost): ₹97,500/month")
                .containsPattern("FINANCE +1 tenant +₹75,000");
        assertThat(text.lines().filter(l -> l.contains("acme-corp")).findFirst().orElseThrow())
                .doesNotContain("<script").as("the name is not in the table");
    }
}
