package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.Revalidation;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.application.RevalidationReport;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.TenantRevalidation;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.report.JUnitXmlReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "revalidate",
        description = {"Re-run the eight checks and look for drift (journalled resources missing or re-tagged) on",
                "ACTIVE/DEGRADED tenants. A failing critical check or any drift moves ACTIVE → DEGRADED, a clean run",
                "moves DEGRADED → ACTIVE; notifies only on a change; records every run."},
        footer = {"", "Exit codes: 0 no tenant DEGRADED, 1 at least one DEGRADED, 2 invalid input,",
                "            6 some tenants could not be re-validated (listed)",
                "", "Examples:", "  tenantctl revalidate --all --parallel 4 --junit reports/revalidation",
                "  tenantctl revalidate acme-corp beta-labs --json"})
final class RevalidateCommand implements Callable<Integer> {

    @Option(names = "--all", description = "Every ACTIVE and DEGRADED tenant in the registry.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "<slug>", description = "Tenants to re-validate (instead of --all).")
    List<String> slugs = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Tenants validated at once, 1-64 (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--junit", paramLabel = "DIR",
            description = "Write one JUnit XML file per checked tenant into DIR (tenant-<slug>.xml).")
    Path junitDir;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Slug> wanted = selection();
        if (parallel < 1 || parallel > Revalidation.MAX_PARALLELISM) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--parallel must be 1-" + Revalidation.MAX_PARALLELISM
                    + ", got " + parallel);
        }
        prepare(junitDir);
        PrintWriter out = spec.commandLine().getOut();
        ProgressListener progress = stderrProgress(spec.commandLine().getErr());
        try (TenantPlatform platform = TenantPlatform.open(SettingsLoader.load(Map.of()), progress,
                Tenantctl.operator(spec).actor())) {
            Revalidation revalidation = platform.revalidation();
            RevalidationReport report = all ? revalidation.runAll(parallel, progress)
                    : revalidation.run(wanted, parallel, progress);
            writeJunit(report);
            out.println(output.json() ? JsonOutput.write(RevalidationView.toJson(report))
                    : RevalidationView.table(report));
            out.flush();
            if (!report.complete()) {
                return ExitCode.NOT_REVALIDATED;
            }
            return report.anyDegraded() ? ExitCode.DEGRADED : ExitCode.OK;
        } catch (RuntimeException e) {
            throw RegistryCommand.exitFor(e);
        }
    }

    private List<Slug> selection() {
        if (all == !slugs.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, all ? "give either --all or tenant slugs, not both"
                    : "nothing to re-validate: give --all or one or more tenant slugs");
        }
        return slugs.stream().map(Slug::of).toList();
    }

    private static void prepare(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "--junit " + dir + " is not a usable folder: " + e);
        }
    }

    private void writeJunit(RevalidationReport report) {
        if (junitDir == null) {
            return;
        }
        for (TenantRevalidation.Checked tenant : report.checked()) {
            Path file = junitDir.resolve("tenant-" + tenant.slug() + ".xml");
            try {
                JUnitXmlReport.write(tenant.recorded(), file);
            } catch (IOException e) {
                throw new CliFailure(ExitCode.FAILED, "cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    /** Progress on stderr, one line per event, so stdout stays clean for the table or --json. */
    static ProgressListener stderrProgress(PrintWriter err) {
        return (step, message) -> {
            synchronized (err) {
                err.println(step + ": " + message);
                err.flush();
            }
        };
    }
}
