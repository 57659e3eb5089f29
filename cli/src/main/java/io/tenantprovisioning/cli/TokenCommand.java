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
                "  printf '%s' \"$TOKEN\" | tenantctl query acme-corp --token-file - --question 'What is the SLA?'"})
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
        String token;
        try {
            token = platform.accessHandler().issueToken(tenant, Duration.ofMinutes(ttlMinutes));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e.getMessage());
        }
        out.println(token);
        return ExitCode.OK;
    }
}
