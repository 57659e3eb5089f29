package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "audit",
        description = "Show a tenant's audit trail (who, when, from, to, why), or check the whole log's hash chain.",
        subcommands = AuditVerifyCommand.class,
        footer = {"", "Examples:", "  tenantctl audit acme-corporation", "  tenantctl audit verify",
                "  tenantctl audit -- verify     (the trail of a tenant whose slug is 'verify')"})
final class AuditCommand extends RegistryCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<slug>", description = "The tenant's slug.")
    String slug;

    @Mixin
    OutputOptions output;

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        if (slug == null) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "give a tenant slug, or 'verify' to check the whole log");
        }
        Slug tenant = Slug.of(slug);
        List<AuditRecord> rows = ledger.audit(tenant);
        if (output.json()) {
            out.println(JsonOutput.write(rows.stream().map(AuditCommand::json).toList()));
        } else {
            for (AuditRecord r : rows) {
                String move = r.toState() == null ? "" : (r.fromState() == null ? "" : r.fromState() + " ") + "→ "
                        + r.toState();
                out.printf("#%-6d %s  %-24s %-10s %-30s %s%n", r.id(), r.at(), r.actor(), r.action(), move,
                        r.reason() == null ? "" : r.reason());
            }
        }
        return ExitCode.OK;
    }

    static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("at", r.at());
        m.put("actor", r.actor());
        m.put("tenant", r.tenantSlug());
        m.put("action", r.action());
        m.put("from", r.fromState());
        m.put("to", r.toState());
        m.put("reason", r.reason());
        m.put("prevHash", r.prevHash());
        m.put("hash", r.hash());
        m.put("hashAlg", r.hashAlg().column());
        return m;
    }
}
