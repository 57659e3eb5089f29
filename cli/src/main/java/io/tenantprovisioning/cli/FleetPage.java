package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.CredentialAge;
import io.tenantprovisioning.application.DriftStatus;
import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.FleetTenant;
import io.tenantprovisioning.application.ValidationSummary;
import io.tenantprovisioning.chargeback.CostCenterTotal;
import io.tenantprovisioning.chargeback.Rupees;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.report.ColumnChart;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.report.Inline;
import io.tenantprovisioning.report.Line;
import io.tenantprovisioning.report.Paragraph;
import io.tenantprovisioning.report.ReportBlock;
import io.tenantprovisioning.report.ReportPage;
import io.tenantprovisioning.report.Section;
import io.tenantprovisioning.report.Status;
import io.tenantprovisioning.report.Table;
import io.tenantprovisioning.report.Table.Cell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * `tenantctl report --html`: the fleet on one self-contained page — the month's cost per cost center
 * as an inline-SVG column chart with its table, then one row per tenant. Built as a {@link ReportPage}
 * and rendered by the shared {@link HtmlPage}, which escapes every value from the registry.
 */
final class FleetPage {

    private static final List<String> TENANT_HEADERS = List.of("Tenant", "State", "Tier", "Region", "Cost center",
            "₹/month", "Last validation", "Trend", "Credentials (age)", "Drift");
    private static final List<String> CENTER_HEADERS = List.of("Cost center", "Tenants", "₹/month");
    /** More columns than this stop being readable; the rest are summed into one, the table lists them all. */
    static final int CHART_COLUMNS = 12;

    private FleetPage() {
    }

    static String renderLinked(FleetReport report) {
        return HtmlPage.renderLinked(page(report));
    }

    static String render(FleetReport report) {
        return HtmlPage.render(page(report));
    }

    /** The page as data, before any markup. */
    static ReportPage page(FleetReport report) {
        String title = "Fleet report " + FleetText.when(report.generatedAt());
        List<Line> summary = List.of(
                Line.plain(FleetText.headcount(report)),
                Line.of(new Inline.Plain("Chargeback of " + report.chargebackMonth() + " (UTC): "),
                        new Inline.Strong(Rupees.format(report.totalMonthlyInr())), new Inline.Plain("/month")),
                Line.plain("Generated " + FleetText.when(report.generatedAt()) + " from the registry · trends show "
                        + "up to " + report.query().trendRuns() + " recorded validation runs, oldest first · a "
                        + "credential's age counts from when the vault stored it (credentials are not rotated yet)"));
        List<ReportBlock> blocks = new ArrayList<>();
        // the chart first: the overview fits on the first screen however many tenants follow
        if (!report.costCenters().isEmpty()) {
            blocks.add(new ColumnChart("Monthly estimate per cost center, " + report.chargebackMonth()
                    + " (the chargeback of tenantctl cost)", columns(report.costCenters())));
        }
        blocks.add(tenants(report));
        blocks.add(costCenters(report));
        return new ReportPage(title, "Tenant fleet", summary, blocks);
    }

    private static Section costCenters(FleetReport report) {
        String heading = "Cost per cost center — " + report.chargebackMonth();
        if (report.costCenters().isEmpty()) {
            return new Section(heading, List.of(Paragraph.of("No tenant is in service in "
                    + report.chargebackMonth() + ".")));
        }
        List<Table.Row> rows = report.costCenters().stream().map(FleetPage::costCenter).toList();
        Table.Row total = Table.Row.of(Cell.text("Total"),
                Cell.number(Integer.toString(report.costCenters().stream().mapToInt(CostCenterTotal::tenants).sum())),
                Cell.number(Rupees.format(report.totalMonthlyInr())));
        return new Section(heading, List.of(new Table(CENTER_HEADERS, rows, List.of(total))));
    }

    /** The largest cost centers first; beyond {@value #CHART_COLUMNS} columns, the smallest share one. */
    static List<ColumnChart.Column> columns(List<CostCenterTotal> centers) {
        List<CostCenterTotal> largest = centers.stream()
                .sorted(Comparator.comparingLong(CostCenterTotal::monthlyInr).reversed()
                        .thenComparing(CostCenterTotal::costCenter)).toList();
        List<ColumnChart.Column> columns = new ArrayList<>();
        int shown = largest.size() <= CHART_COLUMNS ? largest.size() : CHART_COLUMNS - 1;
        for (CostCenterTotal c : largest.subList(0, shown)) {
            columns.add(new ColumnChart.Column(c.costCenter(), c.monthlyInr(), Rupees.format(c.monthlyInr())));
        }
        if (shown < largest.size()) {
            List<CostCenterTotal> rest = largest.subList(shown, largest.size());
            long sum = rest.stream().mapToLong(CostCenterTotal::monthlyInr).sum();
            columns.add(new ColumnChart.Column(rest.size() + " others", sum, Rupees.format(sum)));
        }
        return columns;
    }

    private static Table.Row costCenter(CostCenterTotal center) {
        return Table.Row.of(Cell.of(Table.Kind.TEXT, new Inline.Code(center.costCenter())),
                Cell.number(Integer.toString(center.tenants())), Cell.number(Rupees.format(center.monthlyInr())));
    }

    private static Section tenants(FleetReport report) {
        String heading = "Tenants" + (report.query().includeFinished() ? " (finished ones included)" : "");
        if (report.tenants().isEmpty()) {
            return new Section(heading, List.of(Paragraph.of(report.query().includeFinished()
                    ? "No tenant in the registry." : "No live tenant.")));
        }
        return new Section(heading, List.of(new Table(TENANT_HEADERS,
                report.tenants().stream().map(FleetPage::tenant).toList())));
    }

    private static Table.Row tenant(FleetTenant t) {
        return new Table.Row(status(t.state()), List.of(
                new Cell(List.of(Line.of(new Inline.Code(t.slug().value())), Line.plain(t.name())),
                        Table.Kind.TEXT, null, 1),
                Cell.of(Table.Kind.STATUS, new Inline.Plain(t.state().name())),
                Cell.text(t.tier().displayName()),
                Cell.text(t.region()),
                Cell.of(Table.Kind.TEXT, new Inline.Code(t.costCenter())),
                Cell.number(Rupees.format(t.monthlyCostInr())),
                lastValidation(t),
                Cell.of(Table.Kind.TEXT, new Inline.Trend(t.trend().stream().map(FleetPage::mark).toList())),
                credentials(t),
                drift(t.drift())));
    }

    /** Healthy green, broken red, finished grey; tenants on their way in are left uncoloured. */
    private static Status status(TenantState state) {
        return switch (state) {
            case ACTIVE -> Status.PASSED;
            case DEGRADED, ROLLBACK_FAILED -> Status.FAILED;
            case REJECTED, ROLLED_BACK, OFFBOARDED -> Status.SKIPPED;
            default -> null;
        };
    }

    private static Cell lastValidation(FleetTenant t) {
        return t.lastValidation().map(v -> Cell.of(Table.Kind.TEXT, new Inline.Verdict(verdict(v)),
                new Inline.Plain(" " + v.checks() + " · " + FleetText.when(v.finishedAt())))).orElse(Cell.text("never"));
    }

    private static Inline.Trend.Mark mark(ValidationSummary run) {
        return new Inline.Trend.Mark(verdict(run), FleetText.when(run.finishedAt()) + " " + verdict(run) + " "
                + run.checks());
    }

    private static Status verdict(ValidationSummary run) {
        return run.passed() ? Status.PASSED : Status.FAILED;
    }

    private static Cell credentials(FleetTenant t) {
        if (t.credentials().isEmpty()) {
            return Cell.text(t.state().finished() ? "none (removed)" : "none");
        }
        List<Line> lines = new ArrayList<>();
        for (CredentialAge c : t.credentials()) {
            lines.add(Line.of(new Inline.Code(c.name()), new Inline.Plain(" " + FleetText.age(c.age()))));
        }
        return new Cell(lines, Table.Kind.TEXT, null, 1);
    }

    private static Cell drift(DriftStatus drift) {
        if (drift instanceof DriftStatus.Clean clean) {
            return Cell.text("none · " + FleetText.when(clean.checkedAt()));
        }
        if (drift instanceof DriftStatus.Drifted drifted) {
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of(new Inline.Strong(FleetText.drift(drifted)),
                    new Inline.Plain(" · " + FleetText.when(drifted.checkedAt()))));
            drifted.findings().forEach(f -> lines.add(Line.plain(f)));
            return new Cell(lines, Table.Kind.TEXT, null, 1);
        }
        return Cell.text("not checked");
    }
}
