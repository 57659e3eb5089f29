package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rollback",
        description = {"Roll a failed or interrupted provisioning back: destroy through the engine that created it,",
                "then sweep every service. Resumes a rollback that a crash interrupted. Exit 5 if anything survives."},
        footer = {"", "Example:", "  tenantctl rollback acme-corp"})
final class RollbackCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        RollbackResult result = platform.rollback(Slug.of(slug), progress);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("slug", result.slug());
            json.put("state", result.state());
            json.put("compensationErrors", result.compensationErrors());
            json.put("survivors", result.survivors());
            json.put("alreadyRolledBack", result instanceof RollbackResult.AlreadyRolledBack);
            json.put("nothingApplied", result instanceof RollbackResult.NothingApplied);
            json.put("summary", result.summary());
            out.println(JsonOutput.write(json));
        } else {
            out.printf("tenant %s is %s%n", result.slug(), result.state());
            if (result instanceof RollbackResult.AlreadyRolledBack || result instanceof RollbackResult.NothingApplied) {
                out.println(result.summary());
            }
            result.compensationErrors().forEach(e -> out.println("  compensation error: " + e));
            out.println(result.complete() ? "sweep: nothing of the tenant is left"
                    : "sweep: still present: " + String.join(", ", result.survivors()));
        }
        return result.complete() ? ExitCode.OK : ExitCode.ROLLBACK_INCOMPLETE;
    }
}
