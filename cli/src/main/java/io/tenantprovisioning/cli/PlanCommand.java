package io.tenantprovisioning.cli;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
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
        TenantRequest valid = new RequestValidator(RegionCatalog.load()).validate(request.toDraft());
        TenantPlan plan = TenantPlanner.from(settings, TierCatalog.load()).plan(valid, TenantPlanner.requestIdFor(valid));
        var out = spec.commandLine().getOut();
        PlanView.render(plan, output.json(), out);
        out.flush();
        return ExitCode.OK;
    }
}
