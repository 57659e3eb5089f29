package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.chargeback.CostReport;
import io.tenantprovisioning.chargeback.CostReportLine;
import io.tenantprovisioning.chargeback.CostReportHtml;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.HtmlReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation, cost, demo and fleet pages are four models of one page type, rendered by one renderer. */
class ReportPagesShareOneRendererTest {

    @Test
    void theFourPagesAreRenderedByHtmlPage() {
        Instant start = Instant.parse("2025-01-31T10:15:30Z");
        ValidationReport validation = new ValidationReport("acme-corp", "Gold", start, start.plusSeconds(2), List.of(
                new CheckResult("jwt-auth", "JWT authentication", true, new CheckOutcome.Passed("ok", null),
                        Duration.ofMillis(5))));
        CostReport cost = CostReport.of(YearMonth.of(2025, 1), ZoneId.of("UTC"), List.of(new CostReportLine(
                Slug.of("acme-corp"), "Acme", Tier.GOLD, "us-east-1", "ACTIVE", "FINANCE",
                new CostEstimate(75_000, 3, BigDecimal.ONE, 225_000, 2_700_000, false),
                new ChargebackTags("acme-corp", "Gold", "FINANCE", "tenantctl", "req-1"))));
        List<DemoRow> demo = DemoSummaryPageTest.rows();

        var fleet = FleetPageTest.report();

        List<String> pages = List.of(HtmlReport.render(validation), CostReportHtml.render(cost),
                DemoSummaryPage.render(demo), FleetPage.render(fleet));

        assertThat(pages).containsExactly(HtmlPage.render(HtmlReport.page(validation)),
                HtmlPage.render(CostReportHtml.page(cost)), HtmlPage.render(DemoSummaryPage.page(demo)),
                HtmlPage.render(FleetPage.page(fleet)));
        assertThat(pages).extracting(ReportPagesShareOneRendererTest::head).as("one stylesheet and head for all")
                .containsOnly(head(HtmlPage.render(DemoSummaryPage.page(List.of()))));
    }

    /** Everything up to the title, and the stylesheet: what a page does not choose. */
    private static String head(String html) {
        return html.substring(0, html.indexOf("<title>")) + html.substring(html.indexOf("<style>"),
                html.indexOf("</head>"));
    }
}
