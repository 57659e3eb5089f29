package io.tenantprovisioning.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.render(SampleReports.mixed("acme-corp"));

    @Test
    void headerNamesTenantTierAndVerdict() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>Validation of tenant acme-corp</title>", "<h1>Tenant acme-corp</h1>",
                        "Tier <strong>Gold</strong>", "<span class=\"verdict FAILED\">FAILED</span>",
                        "1 passed, 1 failed, 1 warning, 1 timed out, 1 skipped of 5 checks");
    }

    @Test
    void oneRowPerCheckColouredByResult() {
        assertThat(html).contains(
                "<tr class=\"PASSED\"><td title=\"db-connectivity\">Database connectivity</td>"
                        + "<td class=\"result\">PASSED</td><td>yes</td><td class=\"time\">0.4 s</td><td>4 ms</td>"
                        + "<td class=\"message\">connected as t_acme-corp</td></tr>",
                "<tr class=\"FAILED\">", "<tr class=\"TIMED_OUT\">", "<tr class=\"WARNING\">", "<tr class=\"SKIPPED\">",
                "tr.FAILED .result{color:#cf222e}", "tr.WARNING{background:#fff8c5}");
    }

    @Test
    void everythingFromAChecksIsEscaped() {
        assertThat(html).contains("role &quot;t_a&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                .doesNotContain("<script", "alert('x')");
    }

    @Test
    void selfContainedWithoutExternalAssets() {
        assertThat(html).contains("<style>").doesNotContain("<link", "src=", "href=", "url(", "@import", "http://",
                "https://");
    }

    @Test
    void messagesKeepTheirLineBreaksAndEmptyFiguresStayEmpty() {
        assertThat(html).contains("<td class=\"message\">1 isolation violation(s):\n- redis a→b: GET t:b:probe "
                + "succeeded</td>", "<td class=\"time\">120.0 s</td><td></td>");
    }

    @Test
    void theModelIsRenderedByTheSharedPage() {
        ValidationReport report = SampleReports.mixed("acme-corp");
        assertThat(HtmlReport.page(report).blocks()).singleElement().isInstanceOf(Table.class);
        assertThat(html).isEqualTo(HtmlPage.render(HtmlReport.page(report)));
    }
}
