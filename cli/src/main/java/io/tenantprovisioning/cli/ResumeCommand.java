package io.tenantprovisioning.cli;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume",
        description = {"Continue an APPROVED request: provision, validate, activate (or roll back);",
                "or apply a serving tenant's APPROVED change (tenantctl update) and re-validate."},
        footer = {"", "Example:", "  tenantctl approve acme-corp --group CFO --as cfo@example.com",
                "  tenantctl approve acme-corp --group CTO --as cto@example.com",
                "  tenantctl resume acme-corp"})
final class ResumeCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Option(names = "--engine", description = "direct or terraform (default: ENGINE setting, direct).")
    String engine;

    @Override
    Map<String, String> settingFlags() {
        return engine == null ? Map.of() : Map.of(Setting.ENGINE.name(), engine);
    }

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        if (platform.updateHandler().openChange(Slug.of(slug)).isPresent()) {
            // a serving tenant's change (tenantctl update) waits: resuming applies it
            return ChangeView.finish(platform.updateHandler().resume(Slug.of(slug), Tenantctl.operator(spec).actor(),
                    progress), reports, output.json(), out);
        }
        EngineKind kind = EngineKind.parse(platform.settings().string(Setting.ENGINE));
        PipelineOutcome outcome = platform.job().resume(Slug.of(slug), kind, progress);
        return OutcomeView.finish(outcome, reports, output.json(), out);
    }
}
