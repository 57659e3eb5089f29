package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.report.BarChart;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.Inline;
import io.tenantprovisioning.report.Line;
import io.tenantprovisioning.report.Paragraph;
import io.tenantprovisioning.report.ReportBlock;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Section;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.report.Table.Cell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost report as one self-contained HTML page: a bar chart of the cost centers' totals, then
 * per cost center a bar chart of its tenants and a table with their estimates and tags. The page is
 * built as a {@link ReportPage} and rendered by the shared {@link HtmlPage}, which escapes every
 * value from the registry and writes markup that is also well-formed XML.
 */
public final class CostReportHtml {

    private static final List<String> HEADERS = List.of("Tenant", "Name", "Tier", "Region", "State", "₹/month",
            "Estimate", "Chargeback tags");

    private CostReportHtml() {
    }

    public static String render(CostReport report) {
        return HtmlPage.render(page(report));
    }

    public static void write(CostReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The page as data, before any markup. */
    public static ReportPage page(CostReport report) {
        String title = "Cost report " + report.month();
        Line summary = Line.of(new Inline.Plain(report.lines().size() + " billable tenant(s) in "
                        + report.costCenters().size() + " cost center(s) · total "),
                new Inline.Strong(Rupees.format(report.totalMonthlyInr())),
                new Inline.Plain("/month · calendar month in " + report.zone().getId()
                        + " · estimate = base × tier multiplier × region multiplier"));
        List<ReportBlock> blocks = new ArrayList<>();
        if (report.lines().isEmpty()) {
            blocks.add(Paragraph.of("No tenant was in service in " + report.month() + "."));
        } else {
            blocks.add(new BarChart("Monthly estimate per cost center", report.costCenters().stream()
                    .map(c -> new BarChart.Bar(c.costCenter(), c.monthlyInr(), Rupees.format(c.monthlyInr())))
                    .toList()));
            for (CostCenterTotal center : report.costCenters()) {
                blocks.add(costCenter(center, report.linesOf(center.costCenter())));
            }
        }
        return new ReportPage(title, title, List.of(summary), blocks);
    }

    private static Section costCenter(CostCenterTotal center, List<CostReportLine> lines) {
        BarChart chart = new BarChart("Monthly estimate per tenant", lines.stream()
                .map(l -> new BarChart.Bar(l.slug().value(), l.monthlyInr(), Rupees.format(l.monthlyInr())))
                .toList());
        Table.Row total = Table.Row.of(
                Cell.text("Total " + center.costCenter() + " (" + lines.size() + " tenant(s))").spanning(5),
                Cell.number(Rupees.format(center.monthlyInr())),
                Cell.text("").spanning(2));
        Table table = new Table(HEADERS, lines.stream().map(CostReportHtml::row).toList(), List.of(total));
        return new Section(center.costCenter() + " — " + Rupees.format(center.monthlyInr()) + "/month",
                List.of(chart, table));
    }

    private static Table.Row row(CostReportLine line) {
        String estimate = Rupees.format(line.estimate().baseMonthlyInr()) + " × " + line.estimate().tierMultiplier()
                + " × " + line.estimate().regionMultiplier().toPlainString();
        List<Line> tags = line.tags().asMap().entrySet().stream()
                .map(tag -> Line.of(new Inline.Code(tag.getKey() + "=" + tag.getValue()))).toList();
        return Table.Row.of(
                Cell.of(Table.Kind.TEXT, new Inline.Code(line.slug().value())),
                Cell.text(line.name()),
                Cell.text(line.tier().displayName()),
                Cell.text(line.region()),
                Cell.text(line.state()),
                Cell.number(Rupees.format(line.monthlyInr())),
                Cell.number(estimate),
                new Cell(tags, Table.Kind.TEXT, null, 1));
    }
}
