package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.ClaimResult;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "claim",
        description = {"Stamp this registry's ownership marker on a tenant's resources created before registry",
                "markers (tenantctl's tags, no TenantctlRegistry), which rollback, offboarding and the sweep refuse.",
                "Each must be journalled as created for the tenant and tagged with its id; all kinds or none.",
                "Lists what it would stamp unless --yes. Exit 2 when a resource cannot be claimed."},
        footer = {"", "Examples:", "  tenantctl claim acme-corp", "  tenantctl claim acme-corp --yes"})
final class ClaimCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Option(names = "--yes", description = "Stamp the marker (without it: a dry run that changes nothing).")
    boolean yes;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        ClaimResult result = platform.claimHandler().claim(Slug.of(slug), yes, progress);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tenant", result.tenant());
            json.put("applied", result.applied());
            json.put("refused", result.refused());
            json.put("items", result.items());
            out.println(JsonOutput.write(json));
        } else {
            out.printf("%-13s %-13s %-40s %s%n", "KIND", "STANDING", "NAME", "DETAIL");
            result.items().forEach(i -> out.printf("%-13s %-13s %-40s %s%n", i.kind(), i.standing(), i.name(),
                    i.detail()));
            out.println(result.refused() ? "refused: nothing was stamped"
                    : result.applied() ? result.claimable() + " resource(s) now carry this registry's marker"
                    : result.claimable() == 0 ? "nothing to claim"
                    : result.claimable() + " resource(s) would be claimed (dry run; --yes stamps them)");
        }
        return result.refused() ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
}
