package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.TerraformStateView;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "terraform-state",
        description = {"A terraform-engine tenant's workspace: its name, `tofu state list`, and whether a re-plan is",
                "empty (never applied). The state key comes from tenantctl's vault and is never printed.",
                "Exit 1 when the re-plan would change something (drift)."},
        footer = {"", "Example:", "  tenantctl terraform-state acme-corp"})
final class TerraformStateCommand extends PlatformCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantPlatform platform, ConsoleProgress progress, PrintWriter out) {
        TerraformStateView view = platform.terraformStateHandler().read(Slug.of(slug), progress);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("slug", view.slug());
            json.put("state", view.state());
            json.put("workspace", view.workspace());
            json.put("addresses", view.addresses());
            json.put("replanEmpty", view.replanEmpty());
            json.put("changes", view.changes());
            out.println(JsonOutput.write(json));
        } else {
            out.printf("tenant %s (%s), workspace %s%n", view.slug(), view.state(), view.workspace());
            out.printf("tofu state list: %d resources%n", view.addresses().size());
            view.addresses().forEach(a -> out.println("  " + a));
            out.println(view.replanEmpty() ? "re-plan: empty (no changes)"
                    : "re-plan: " + view.changes().size() + " lines of changes");
            view.changes().forEach(c -> out.println("  " + c));
        }
        return view.replanEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
