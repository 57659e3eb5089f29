package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.registry.ChainVerification;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify",
        description = "Check the audit log's hash chain: every row unchanged, none removed.",
        footer = {"", "Exit codes: 0 intact, 1 broken (the first bad row and why are printed)"})
final class AuditVerifyCommand extends RegistryCommand {

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        ChainVerification result = ledger.verifyAudit();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", result.ok());
        String text;
        if (result instanceof ChainVerification.Intact intact) {
            json.put("rowsChecked", intact.rowsChecked());
            json.put("headId", intact.headId());
            json.put("headHash", intact.headHash());
            text = "audit log intact: " + intact.rowsChecked() + " rows verified; head #" + intact.headId()
                    + " sha256 " + intact.headHash();
        } else {
            ChainVerification.Broken broken = (ChainVerification.Broken) result;
            json.put("brokenRowId", broken.rowId());
            json.put("reason", broken.reason());
            text = "audit log BROKEN at row #" + broken.rowId() + ": " + broken.reason();
        }
        out.println(output.json() ? JsonOutput.write(json) : text);
        return result.ok() ? ExitCode.OK : ExitCode.FAILED;
    }
}
