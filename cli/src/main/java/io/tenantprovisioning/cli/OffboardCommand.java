package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.Offboarding;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.application.OffboardingResult;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "offboard",
        description = {"ACTIVE/DEGRADED → OFFBOARDING → OFFBOARDED: optionally export the tenant's data,",
                "destroy every resource through the engine that created it, then sweep. The registry row, the",
                "approvals and the audit trail are kept. Asks for the slug on a terminal; elsewhere --yes is",
                "required."},
        footer = {"", "Exit codes: 0 OFFBOARDED, 1 failed (an export failure destroys nothing), 2 invalid input or",
                "            not confirmed, 4 another run in progress, 5 the sweep left resources (listed; run again)",
                "", "Example:", "  tenantctl offboard acme-corp --export /backups/acme-corp --yes"})
final class OffboardCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<slug>", description = "The tenant's slug.")
    String slug;

    @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
    boolean yes;

    @Option(names = "--export", paramLabel = "DIR", description = {"Before destroying, write the schema's tables "
            + "(postgres/<table>.jsonl), the bucket's objects (objects/) and manifest.json into DIR (new or empty)."})
    Path exportDir;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Slug tenant = Slug.of(slug);
        confirm(tenant, System.console());
        PrintWriter out = spec.commandLine().getOut();
        ProgressListener progress = RevalidateCommand.stderrProgress(spec.commandLine().getErr());
        try (TenantPlatform platform = TenantPlatform.open(SettingsLoader.load(Map.of()), progress,
                Tenantctl.operator(spec).actor())) {
            OffboardingResult result = platform.offboarding().run(tenant, Optional.ofNullable(exportDir), progress);
            if (output.json()) {
                out.println(JsonOutput.write(OffboardView.toJson(result)));
            } else {
                OffboardView.print(result, out);
            }
            out.flush();
            return result.complete() ? ExitCode.OK : ExitCode.OFFBOARDING_INCOMPLETE;
        } catch (RuntimeException e) {
            throw RegistryCommand.exitFor(e);
        }
    }

    /** Destroying a tenant needs a person to say so: --yes, or the slug typed again on a terminal. */
    private void confirm(Slug tenant, Console console) {
        if (yes) {
            return;
        }
        if (console == null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "refusing to offboard '" + tenant + "' without --yes: "
                    + "stdin is not a terminal, so nobody can confirm; nothing was changed");
        }
        String typed = console.readLine("Offboarding destroys every resource of %s. Type the slug to confirm: ",
                tenant.value());
        if (typed == null || !typed.trim().equals(tenant.value())) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "confirmation did not match '" + tenant
                    + "'; nothing was changed");
        }
    }
}
