package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.model.TenantState;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List the tenants in the registry, optionally only those in one state.",
        footer = {"", "Example:", "  tenantctl list --state PENDING_APPROVAL"})
final class ListCommand extends RegistryCommand {

    @Option(names = "--state", paramLabel = "STATE", description = "Only tenants in this state, e.g. ACTIVE.")
    String state;

    @Mixin
    OutputOptions output;

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        Optional<TenantState> wanted = Optional.ofNullable(state).map(s -> TenantState.parse(s).orElseThrow(() ->
                new CliFailure(ExitCode.INVALID_INPUT, "state '" + s + "' is not one of " + Arrays
                        .stream(TenantState.values()).map(Enum::name).collect(Collectors.joining(", ")))));
        List<TenantRecord> tenants = ledger.list(wanted);
        if (output.json()) {
            out.println(JsonOutput.write(tenants.stream().map(ListCommand::json).toList()));
        } else if (tenants.isEmpty()) {
            out.println("no tenants" + wanted.map(s -> " in state " + s).orElse(""));
        } else {
            out.printf("%-32s %-16s %-7s %-14s %12s  %s%n", "SLUG", "STATE", "TIER", "REGION", "₹/MONTH", "UPDATED");
            for (TenantRecord t : tenants) {
                out.printf("%-32s %-16s %-7s %-14s %,12d  %s%n", t.slug(), t.state(), t.tier().displayName(),
                        t.region(), t.cost().monthlyInr(), t.updatedAt());
            }
        }
        return ExitCode.OK;
    }

    static Map<String, Object> json(TenantRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", t.slug().value());
        m.put("name", t.name());
        m.put("state", t.state());
        m.put("tier", t.tier().displayName());
        m.put("region", t.region());
        m.put("monthlyCostInr", t.cost().monthlyInr());
        m.put("engine", t.engine());
        m.put("tenantId", t.id().toString());
        m.put("requestId", t.requestId().toString());
        m.put("createdAt", t.createdAt());
        m.put("updatedAt", t.updatedAt());
        return m;
    }
}
