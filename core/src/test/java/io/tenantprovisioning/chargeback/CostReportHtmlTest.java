package io.tenantprovisioning.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.report.BarChart;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Section;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The cost page from an in-memory report, so the HTML is checked without a registry. */
class CostReportHtmlTest {

    static final String AWKWARD = "Acme, \"Q\" <i>&Co";

    private final CostReport report = sample();
    private final String html = CostReportHtml.render(report);

    /** Four tenants in two cost centers, one with a name full of markup. */
    static CostReport sample() {
        return CostReport.of(YearMonth.of(2025, 1), CostReportBuilder.UTC, List.of(
                line("acme-corp", AWKWARD, Tier.GOLD, "FINANCE-OPS", 225_000),
                line("beta-labs", "Beta Labs", Tier.SILVER, "FINANCE-OPS", 90_000),
                line("sum-corp", "=Sum, x", Tier.BRONZE, "RESEARCH", 30_000),
                line("gone-corp", "Gone Corp", Tier.GOLD, "RESEARCH", 120_000)));
    }

    private static CostReportLine line(String slug, String name, Tier tier, String center, long monthly) {
        CostEstimate estimate = new CostEstimate(monthly / 2, 2, new BigDecimal("1.00"), monthly, monthly * 12, false);
        return new CostReportLine(Slug.of(slug), name, tier, "us-east-1", "ACTIVE", center, estimate,
                new ChargebackTags(slug, tier.displayName(), center, "tenantctl", "req-<" + slug + ">"));
    }

    @Test
    void oneWellFormedPageWithASectionTableAndChartPerCostCenter() throws Exception {
        Document page = parseXml(html);
        assertThat(page.getElementsByTagName("table").getLength()).isEqualTo(2);
        assertThat(page.getElementsByTagName("section").getLength()).isEqualTo(2);
        assertThat(html.split("class=\"bar-row\"", -1)).hasSize(1 + 2 + 4);
        assertThat(html.split("width:100.0%", -1)).hasSize(1 + 1 + 2);
        assertThat(html).contains("<title>Cost report 2025-01</title>", "<h1>Cost report 2025-01</h1>",
                "4 billable tenant(s) in 2 cost center(s) · total <strong>₹4,65,000</strong>/month",
                "<h2>FINANCE-OPS — ₹3,15,000/month</h2>",
                "<tr><td colspan=\"5\">Total FINANCE-OPS (2 tenant(s))</td><td class=\"num\">₹3,15,000</td>"
                        + "<td colspan=\"2\"></td></tr>");
    }

    @Test
    void everyTenantRowHasItsFiguresAndTags() {
        assertThat(html).contains("<tr><td><code>acme-corp</code></td><td>Acme, &quot;Q&quot; &lt;i&gt;&amp;Co</td>"
                + "<td>Gold</td><td>us-east-1</td><td>ACTIVE</td><td class=\"num\">₹2,25,000</td>"
                + "<td class=\"num\">₹1,12,500 × 2 × 1.00</td><td><ul class=\"lines\"><li><code>TenantID=acme-corp"
                + "</code></li><li><code>Tier=Gold</code></li><li><code>CostCenter=FINANCE-OPS</code></li>"
                + "<li><code>ManagedBy=tenantctl</code></li><li><code>RequestId=req-&lt;acme-corp&gt;</code></li>"
                + "</ul></td></tr>").doesNotContain("<i>", "<acme-corp>", "<script");
    }

    @Test
    void theModelIsRenderedByTheSharedPage() {
        ReportPage page = CostReportHtml.page(report);
        assertThat(page.blocks()).hasSize(3).first().isInstanceOf(BarChart.class);
        assertThat(page.blocks().subList(1, 3)).allSatisfy(b -> assertThat(b).isInstanceOf(Section.class));
        assertThat(html).isEqualTo(HtmlPage.render(page));
    }

    private static Document parseXml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
