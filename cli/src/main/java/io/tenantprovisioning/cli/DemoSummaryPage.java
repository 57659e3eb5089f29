package io.tenantprovisioning.cli;

import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.Inline;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Status;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.report.Table.Cell;
import java.time.Duration;
import java.util.List;

/**
 * demo-output/summary.html: the summary table and links to each tenant's report, self-contained.
 * Built as a {@link ReportPage} and rendered by the shared {@link HtmlPage}.
 */
final class DemoSummaryPage {

    private static final List<String> HEADERS = List.of("tenant", "tier", "region", "state", "steps", "checks",
            "monthly ₹", "report", "note");

    private DemoSummaryPage() {
    }

    static String render(List<DemoRow> rows) {
        return HtmlPage.render(page(rows));
    }

    /** The page as data, before any markup. */
    static ReportPage page(List<DemoRow> rows) {
        Table table = new Table(HEADERS, rows.stream().map(DemoSummaryPage::row).toList());
        return new ReportPage("tenantctl demo", "tenantctl demo", List.of(), List.of(table));
    }

    private static Table.Row row(DemoRow r) {
        return new Table.Row(status(r.state()), List.of(
                Cell.text(r.slug()),
                Cell.text(r.tier()),
                Cell.text(r.region()),
                Cell.of(Table.Kind.STATUS, new Inline.Plain(r.state())),
                Cell.text(steps(r)),
                Cell.text(r.checks()),
                Cell.number(String.format("%,d", r.monthlyCostInr())),
                reports(r),
                Cell.text(r.note())));
    }

    /** The two outcomes the demo expects; any other state is left uncoloured, as before. */
    private static Status status(String state) {
        return switch (state) {
            case "ACTIVE" -> Status.PASSED;
            case "ROLLED_BACK" -> Status.FAILED;
            default -> null;
        };
    }

    /** Links to the tenant's validation reports, which exist only when validation ran ("-" checks). */
    private static Cell reports(DemoRow r) {
        if (r.checks().equals("-")) {
            return Cell.text("");
        }
        return Cell.of(Table.Kind.TEXT, new Inline.Link("HTML", r.slug() + ".html"), new Inline.Plain(" · "),
                new Inline.Link("JUnit", r.slug() + ".xml"));
    }

    private static String steps(DemoRow r) {
        StringBuilder s = new StringBuilder();
        r.stepTimes().forEach((step, d) -> s.append(step).append(' ').append(seconds(d)).append("  "));
        return s.toString().trim();
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
