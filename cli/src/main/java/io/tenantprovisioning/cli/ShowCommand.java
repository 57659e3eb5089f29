package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.application.TenantDetails;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show",
        description = "Show one tenant: state, tier config, cost, request and route, approvals, resources, last validation.",
        footer = {"", "Example:", "  tenantctl show acme-corporation --json"})
final class ShowCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "<slug>", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        TenantDetails details = ledger.details(Slug.of(slug));
        if (output.json()) {
            out.println(JsonOutput.write(TenantView.toJson(details)));
        } else {
            TenantView.print(details, out);
        }
        return ExitCode.OK;
    }
}
