package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.ConsoleTable;
import io.tenantprovisioning.validation.report.JsonReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = {"Run the eight checks against a provisioned tenant and record the run.",
                "Exit 0 when no critical check failed, 1 otherwise."},
        footer = {"", "Example:", "  tenantctl validate acme-corp --junit reports/acme.xml --html reports/acme.html"})
final class ValidateCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        ValidationReport report = platform.validateReport(Slug.of(slug), progress);
        reports.write(report);
        out.println(output.json() ? JsonReport.render(report) : ConsoleTable.render(report));
        return report.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
}
