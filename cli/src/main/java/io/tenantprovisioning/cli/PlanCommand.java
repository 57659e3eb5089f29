package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.PlanHandler;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.plan.TenantPlan;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan",
        description = "Show what a request would create (names, tags, tier config, cost, approval route); touches nothing.",
        footer = {"", "Example:",
                "  tenantctl plan --name 'Acme Corporation' --tier gold --region us-east-1 \\",
                "      --budget 950000 --email owner@acme.example --classification INTERNAL"})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    RequestOptions request;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.load(Map.of());
        TenantPlan plan = PlanHandler.fromSettings(settings).plan(request.toDraft());
        var out = spec.commandLine().getOut();
        PlanView.render(plan, output.json(), out);
        out.flush();
        return ExitCode.OK;
    }
}
