package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.registry.ChainVerification;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify",
        description = {"Check the audit log's hash chain: every row unchanged, none removed.",
                "Rows are keyed (HMAC-SHA256 with AUDIT_HMAC_KEY) since the keyed-chain migration; older rows carry "
                        + "plain sha256 hashes and are reported as unkeyed."},
        footer = {"", "Exit codes: 0 intact, 1 broken (the first bad row and why are printed),",
                "            2 not verified: keyed rows and AUDIT_HMAC_KEY is not set"})
final class AuditVerifyCommand extends RegistryCommand {

    @Mixin
    OutputOptions output;

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        ChainVerification result = ledger.verifyAudit();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", result.ok());
        String text;
        int code;
        if (result instanceof ChainVerification.Intact intact) {
            json.put("status", "intact");
            json.put("rowsChecked", intact.rowsChecked());
            json.put("unkeyedRows", intact.unkeyedRows());
            json.put("keyedRows", intact.keyedRows());
            json.put("headId", intact.headId());
            json.put("headHash", intact.headHash());
            text = "audit log intact: " + intact.rowsChecked() + " rows verified" + keying(intact)
                    + (intact.rowsChecked() == 0 ? "" : "; head #" + intact.headId() + " " + intact.headHash());
            code = ExitCode.OK;
        } else if (result instanceof ChainVerification.KeyMissing missing) {
            json.put("status", "key-missing");
            json.put("reason", missing.reason());
            json.put("rowsVerified", missing.rowsVerified());
            json.put("keyedFrom", missing.keyedFrom());
            json.put("headId", missing.headId());
            text = "audit log NOT VERIFIED: " + missing.reason();
            code = ExitCode.INVALID_INPUT;
        } else {
            ChainVerification.Broken broken = (ChainVerification.Broken) result;
            json.put("status", "broken");
            json.put("brokenRowId", broken.rowId());
            json.put("reason", broken.reason());
            text = "audit log BROKEN at row #" + broken.rowId() + ": " + broken.reason();
            code = ExitCode.FAILED;
        }
        out.println(output.json() ? JsonOutput.write(json) : text);
        return code;
    }

    /** How much of an intact chain is keyed: unkeyed rows only show accidents, not a rewrite by the owner. */
    private static String keying(ChainVerification.Intact intact) {
        if (intact.rowsChecked() == 0 || intact.unkeyedRows() == 0) {
            return intact.rowsChecked() == 0 ? " (the log is empty)" : ", all keyed";
        }
        String unkeyed = intact.unkeyedRows() + " unkeyed (sha256, written before the chain was keyed";
        return intact.keyedRows() == 0
                ? ", none keyed yet: " + unkeyed + "; the tables' owner could have rewritten them)"
                : ": " + unkeyed + "), " + intact.keyedRows() + " keyed";
    }
}
