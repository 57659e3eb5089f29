package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.RevalidationReport;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "reconfigure",
        description = {"Put a serving tenant's current configuration onto its resources again, in place (tags, Redis",
                "permissions from today's allow-list, quota, scrape target), then re-validate it: brings a tenant",
                "made under older rules, or changed by hand, back to what tenantctl makes today. Nothing is created",
                "or destroyed; no credential changes. Exit 1 when it is DEGRADED afterwards."},
        footer = {"", "Example:", "  tenantctl reconfigure acme-corp"})
final class ReconfigureCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        RevalidationReport report = platform.reconfigureHandler().reconfigure(Slug.of(slug), progress);
        out.println(output.json() ? JsonOutput.write(RevalidationView.toJson(report)) : RevalidationView.table(report));
        if (!report.complete()) {
            return ExitCode.NOT_REVALIDATED;
        }
        return report.anyDegraded() ? ExitCode.DEGRADED : ExitCode.OK;
    }
}
