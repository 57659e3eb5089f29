package io.tenantprovisioning.cli;

import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep",
        description = {"Find resources with the product's tags/prefixes on every service that no live registry",
                "tenant owns (orphans: crashed canaries, half-built tenants) and remove them."},
        footer = {"", "Examples:", "  tenantctl sweep --dry-run", "  tenantctl sweep --tenant old-tenant"})
final class SweepCommand extends PlatformCommand {

    @Option(names = "--tenant", paramLabel = "SLUG", description = "Only this (non-live) tenant's resources.")
    String tenant;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    boolean dryRun;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        SweepReport report = platform.sweep(Optional.ofNullable(tenant).map(Slug::of), dryRun, progress);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", report.dryRun());
            json.put("found", report.found().stream().map(r -> Map.of("kind", r.kind().stepName(), "name", r.name(),
                    "tenant", r.tenantSlug())).toList());
            json.put("removed", report.removed().size());
            json.put("survivors", report.survivors());
            json.put("errors", report.errors());
            out.println(JsonOutput.write(json));
        } else {
            out.printf("%-13s %-40s %s%n", "KIND", "NAME", "TENANT");
            report.found().forEach(r -> out.printf("%-13s %-40s %s%n", r.kind().stepName(), r.name(), r.tenantSlug()));
            out.printf("%d found, %d removed%s%n", report.found().size(), report.removed().size(),
                    report.dryRun() ? " (dry run)" : "");
            report.errors().forEach(e -> out.println("error: " + e));
            if (!report.dryRun() && !report.survivors().isEmpty()) {
                out.println("still present: " + String.join(", ", report.survivors()));
            }
        }
        return report.dryRun() || report.clean() ? ExitCode.OK : ExitCode.ROLLBACK_INCOMPLETE;
    }
}
