package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import java.io.PrintWriter;
import java.util.Map;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "provision",
        description = {"Run the whole job for a request: approval route, provisioning, configuration, the eight",
                "checks, activation; any failure rolls back and sweeps. Exit 3 when it waits for approval."},
        footer = {"", "Examples:",
                "  tenantctl provision --name 'Acme Corporation' --tier gold --region us-east-1 \\",
                "      --budget 950000 --email owner@acme.example --junit reports/acme.xml",
                "  TENANTCTL_FAIL_AT=redis tenantctl provision ...   # rehearse a rollback",
                "  tenantctl provision --from tenants.csv --parallel 4 --junit reports/batch.xml"})
final class ProvisionCommand extends PlatformCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** One request from the flags, or many from a file. */
    static final class Source {
        @ArgGroup(exclusive = false, heading = "One request:%n")
        RequestOptions request;

        @Option(names = "--from", paramLabel = "FILE",
                description = "Many requests, one a row: CSV with a header (name,tier,region,budget,email,...) or YAML.")
        Path from;
    }

    @Option(names = "--parallel", defaultValue = "4", description = "With --from: rows at a time, 1-16 (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--skip-invalid", description = "With --from: run the valid rows even when others are invalid.")
    boolean skipInvalid;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Option(names = "--engine", description = "direct or terraform (default: ENGINE setting, direct).")
    String engine;

    @Option(names = "--requested-by", description = {"Who asks: must be you, the operator (TENANTCTL_OPERATOR, "
            + "else your OS account), which is also the default; the requester may never approve the request."})
    String requester;

    @Option(names = "--dry-run", description = "Show the plan and create nothing (same as PROVISIONING_ENABLED=false).")
    boolean dryRun;

    @Override
    Map<String, String> settingFlags() {
        Map<String, String> flags = new java.util.HashMap<>();
        if (engine != null) {
            flags.put(Setting.ENGINE.name(), engine);
        }
        if (dryRun) {
            flags.put(Setting.PROVISIONING_ENABLED.name(), "false");
        }
        return flags;
    }

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        if (!platform.settings().bool(Setting.PROVISIONING_ENABLED)) {
            progress.event("plan", "simulation (PROVISIONING_ENABLED=false or --dry-run): the plan only, nothing is created");
            if (source.from != null) {
                throw new CliFailure(ExitCode.INVALID_INPUT, "--dry-run takes one request; `tenantctl plan` shows one");
            }
            PlanView.render(platform.planHandler().plan(source.request.toDraft()), output.json(), out);
            return ExitCode.OK;
        }
        Actor asking = Tenantctl.operator(spec).confirmedBy("--requested-by", requester);
        EngineKind kind = EngineKind.parse(platform.settings().string(Setting.ENGINE));
        if (source.from != null) {
            return BatchCommand.run(platform, source.from, parallel, skipInvalid, asking, kind, progress, output,
                    reports, out);
        }
        PipelineOutcome outcome = platform.job().run(source.request.toDraft(), asking, kind, progress);
        return OutcomeView.finish(outcome, reports, output.json(), out);
    }
}
