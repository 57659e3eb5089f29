package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token",
        description = {"Issue a short-lived bearer token (JWT, HS256, tenant_id claim) signed with the tenant's own key.",
                "The token is printed on stdout only: pipe it, do not log it."},
        footer = {"", "Example:", "  TOKEN=$(tenantctl token acme-corp --ttl-minutes 10)",
                "  tenantctl query acme-corp --token \"$TOKEN\" --question 'What is the SLA?'"})
final class TokenCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Option(names = "--ttl-minutes", defaultValue = "5", description = "Lifetime in minutes, 1-60 (default: ${DEFAULT-VALUE}).")
    int ttlMinutes;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        if (ttlMinutes < 1 || ttlMinutes > 60) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--ttl-minutes must be between 1 and 60, got " + ttlMinutes);
        }
        Slug tenant = Slug.of(slug);
        String state = platform.services().registry().tenants().require(tenant).state().name();
        if (!state.equals("ACTIVE") && !state.equals("DEGRADED")) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "tenant '" + slug + "' is " + state
                    + "; tokens are issued for ACTIVE tenants only");
        }
        out.println(platform.services().tokens().issue(tenant, Duration.ofMinutes(ttlMinutes)));
        return ExitCode.OK;
    }
}
