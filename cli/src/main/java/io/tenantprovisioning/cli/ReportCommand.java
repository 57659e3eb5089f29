package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.FleetQuery;
import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.report.HtmlPage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report",
        description = {"The whole fleet on one page: each tenant's state, tier, region, monthly cost and cost "
                + "center, its last validation and the trend of its recorded runs, its credentials' ages and the "
                + "drift its last re-validation found; then this month's cost per cost center (as `cost`).",
                "Reads the registry only. Live tenants by default; --all adds the rejected, rolled back and "
                        + "offboarded ones. The HTML page is self-contained (inline CSS, the chart as inline SVG, "
                        + "no script, nothing fetched)."},
        footer = {"", "Examples:", "  tenantctl report",
                "  tenantctl report --html reports/fleet.html",
                "  tenantctl report --all --trend 20 --json > fleet.json"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--all", description = "Also the finished tenants (REJECTED, ROLLED_BACK, OFFBOARDED).")
    boolean all;

    @Option(names = "--trend", paramLabel = "N", defaultValue = "" + FleetQuery.DEFAULT_TREND_RUNS,
            description = "How many recorded validation runs each trend shows, 1-" + FleetQuery.MAX_TREND_RUNS
                    + " (default: ${DEFAULT-VALUE}).")
    int trend;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the page as self-contained HTML to FILE (its folder is created).")
    Path html;

    @Option(names = "--stylesheet-beside",
            description = "With --html: link the stylesheet, written beside FILE as " + HtmlPage.STYLESHEET
                    + ", instead of inlining it; the page then has no inline style (for Jenkins, whose "
                    + "Content-Security-Policy for archived files drops inline styles).")
    boolean stylesheetBeside;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // every refusal comes before the registry is opened: bad input reads nothing
        FleetQuery query = new FleetQuery(all, trend);
        HtmlFile.check(html, true);
        if (stylesheetBeside && html == null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--stylesheet-beside needs --html FILE");
        }
        FleetReport report;
        try (TenantLedger ledger = TenantLedger.open(SettingsLoader.load(Map.of()))) {
            report = ledger.fleet(query);
        } catch (RuntimeException e) {
            throw RegistryCommand.exitFor(e);
        }
        if (html != null) {
            // before stdout is written, so a failure leaves stdout holding only the error
            if (stylesheetBeside) {
                HtmlFile.write(html, FleetPage.renderLinked(report));
                Path css = html.toAbsolutePath().resolveSibling(HtmlPage.STYLESHEET);
                HtmlFile.write(css, HtmlPage.stylesheet());
            } else {
                HtmlFile.write(html, FleetPage.render(report));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(FleetJson.render(report));
        } else {
            out.print(FleetTable.render(report));
            if (html != null) {
                out.println("HTML report written to " + html);
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
