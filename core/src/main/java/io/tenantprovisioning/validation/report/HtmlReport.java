package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.Inline;
import io.tenantprovisioning.report.Line;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Status;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.report.Table.Cell;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page for one tenant's validation run: a header with the verdict and one
 * table row per check, coloured by its result. The page is built as a {@link ReportPage} and
 * rendered by the shared {@link HtmlPage}, which escapes every piece of text from a check.
 */
public final class HtmlReport {

    private static final List<String> HEADERS = List.of("Check", "Result", "Critical", "Time", "Figure", "Message");

    private HtmlReport() {
    }

    public static String render(ValidationReport report) {
        return HtmlPage.render(page(report));
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        JUnitXmlReport.writeText(render(report), file);
    }

    /** The page as data, before any markup. */
    public static ReportPage page(ValidationReport report) {
        Line tierAndVerdict = Line.of(new Inline.Plain("Tier "), new Inline.Strong(report.tier()),
                new Inline.Plain(" · verdict "), new Inline.Verdict(Status.valueOf(report.verdict())));
        Line counts = Line.plain(ReportText.counts(report) + " of " + report.results().size() + " checks · started "
                + report.startedAt() + " · took " + ReportText.humanSeconds(report.elapsed()));
        Table checks = new Table(HEADERS, report.results().stream().map(HtmlReport::row).toList());
        return new ReportPage("Validation of tenant " + report.slug(), "Tenant " + report.slug(),
                List.of(tierAndVerdict, counts), List.of(checks));
    }

    private static Table.Row row(CheckResult result) {
        String figure = ReportText.figure(result);
        return new Table.Row(Status.valueOf(result.status()), List.of(
                Cell.text(result.displayName()).withTooltip(result.checkId()),
                Cell.of(Table.Kind.STATUS, new Inline.Plain(result.status())),
                Cell.text(result.critical() ? "yes" : "no"),
                Cell.of(Table.Kind.DURATION, new Inline.Plain(ReportText.humanSeconds(result.elapsed()))),
                Cell.text(figure == null ? "" : figure),
                Cell.of(Table.Kind.MESSAGE, new Inline.Plain(result.outcome().message()))));
    }
}
