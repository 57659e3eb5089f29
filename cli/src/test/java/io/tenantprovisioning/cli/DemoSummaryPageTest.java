package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.report.HtmlPage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSummaryPageTest {

    static List<DemoRow> rows() {
        Map<String, Duration> steps = new LinkedHashMap<>();
        steps.put("approve", Duration.ofMillis(120));
        steps.put("provision", Duration.ofMillis(3_450));
        return List.of(
                new DemoRow("demo-acme", "Gold", "us-east-1", "ACTIVE", steps, "8/8", 225_000, "auto-approved"),
                new DemoRow("demo-wait", "Gold", "us-east-1", "AWAITING_APPROVAL", Map.of(), "-", 450_000,
                        "waits for <b>CFO</b> & CTO"),
                new DemoRow("demo-hooli-broken", "Bronze", "eu-west-1", "ROLLED_BACK", steps, "7/8", 30_000,
                        "rolled back: <script>alert('x')</script>"));
    }

    private final String html = DemoSummaryPage.render(rows());

    @Test
    void oneRowPerTenantColouredByOutcomeWithLinksToItsReports() {
        assertThat(html).contains("<title>tenantctl demo</title>", "<h1>tenantctl demo</h1>",
                "<th>tenant</th><th>tier</th><th>region</th><th>state</th><th>steps</th><th>checks</th>"
                        + "<th>monthly ₹</th><th>report</th><th>note</th>",
                "<tr class=\"PASSED\"><td>demo-acme</td><td>Gold</td><td>us-east-1</td><td class=\"result\">ACTIVE</td>"
                        + "<td>approve " + String.format("%.1fs", 0.12) + "  provision " + String.format("%.1fs", 3.45)
                        + "</td><td>8/8</td><td class=\"num\">" + String.format("%,d", 225_000) + "</td>"
                        + "<td><a href=\"demo-acme.html\">HTML</a> · <a href=\"demo-acme.xml\">JUnit</a></td>",
                "<tr><td>demo-wait</td>", "<td>-</td><td class=\"num\">" + String.format("%,d", 450_000)
                        + "</td><td></td>",
                "<tr class=\"FAILED\"><td>demo-hooli-broken</td>");
    }

    @Test
    void notesAreEscaped() {
        assertThat(html).contains("waits for &lt;b&gt;CFO&lt;/b&gt; &amp; CTO",
                "rolled back: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script", "<b>");
    }

    @Test
    void theModelIsRenderedByTheSharedPage() {
        assertThat(html).isEqualTo(HtmlPage.render(DemoSummaryPage.page(rows())));
    }
}
