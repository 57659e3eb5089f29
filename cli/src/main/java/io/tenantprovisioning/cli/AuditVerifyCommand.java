package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.registry.ChainVerification;
import io.tenantprovisioning.registry.ExpectedHead;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "verify",
        description = {"Check the audit log's hash chain: every row unchanged, none removed.",
                "Rows are keyed (HMAC-SHA256 with AUDIT_HMAC_KEY) since the keyed-chain migration; older rows carry "
                        + "plain sha256 hashes and are reported as unkeyed. Record the head it prints somewhere the "
                        + "database's owner cannot write, and pass it back with --expect-head: that catches rows cut "
                        + "off the end, which no hash can."},
        footer = {"", "Examples:", "  tenantctl audit verify",
                "  tenantctl audit verify --expect-head 1234:9f2c…(64 hex digits) --json",
                "", "Exit codes: 0 intact (and reaches the expected head), 1 broken, or the expected head is not",
                "            reached unchanged (what differs is printed), 2 not verified: keyed rows and",
                "            AUDIT_HMAC_KEY is not set, or a malformed --expect-head"})
final class AuditVerifyCommand extends RegistryCommand {

    @Option(names = "--expect-head", paramLabel = "<id>:<hash>", converter = HeadConverter.class,
            description = "A head an earlier `audit verify` printed: fail unless the chain still holds that row "
                    + "with that hash.")
    ExpectedHead expectedHead;

    @Mixin
    OutputOptions output;

    @Override
    boolean readOnly() {
        return true;
    }

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        ChainVerification result = expectedHead == null ? ledger.verifyAudit() : ledger.verifyAudit(expectedHead);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", result.ok());
        String text;
        int code;
        if (result instanceof ChainVerification.Intact intact) {
            text = intact(intact, json);
            code = ExitCode.OK;
        } else if (result instanceof ChainVerification.HeadMismatch mismatch) {
            text = headMismatch(mismatch, json);
            code = ExitCode.FAILED;
        } else if (result instanceof ChainVerification.KeyMissing missing) {
            text = keyMissing(missing, json);
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

    private String intact(ChainVerification.Intact intact, Map<String, Object> json) {
        json.put("status", "intact");
        json.put("rowsChecked", intact.rowsChecked());
        json.put("unkeyedRows", intact.unkeyedRows());
        json.put("keyedRows", intact.keyedRows());
        json.put("headId", intact.headId());
        json.put("headHash", intact.headHash());
        if (expectedHead != null) {
            json.put("expectedHead", expectedHead.toString());
            json.put("reachesExpectedHead", true);
        }
        if (intact.rowsChecked() == 0) {
            return "audit log intact: 0 rows verified (the log is empty)";
        }
        return "audit log intact: " + intact.rowsChecked() + " rows verified" + keying(intact) + "; head #"
                + intact.headId() + " " + intact.headHash()
                + (expectedHead == null ? "" : "; reaches the recorded head #" + expectedHead.id() + " unchanged")
                + System.lineSeparator() + "record the head where the database's owner cannot write; check later with: "
                + "tenantctl audit verify --expect-head " + intact.headId() + ":" + intact.headHash();
    }

    private static String headMismatch(ChainVerification.HeadMismatch mismatch, Map<String, Object> json) {
        json.put("status", "head-mismatch");
        json.put("expectedHead", mismatch.expected().toString());
        json.put("reachesExpectedHead", false);
        json.put("reason", mismatch.reason());
        json.put("headId", mismatch.headId());
        json.put("headHash", mismatch.headHash());
        return "audit log does NOT reach the recorded head #" + mismatch.expected().id() + ": " + mismatch.reason()
                + (mismatch.headId() == 0 ? "" : "; the log now ends at #" + mismatch.headId() + " "
                + mismatch.headHash());
    }

    private static String keyMissing(ChainVerification.KeyMissing missing, Map<String, Object> json) {
        json.put("status", "key-missing");
        json.put("reason", missing.reason());
        json.put("rowsVerified", missing.rowsVerified());
        json.put("keyedFrom", missing.keyedFrom());
        json.put("headId", missing.headId());
        return "audit log NOT VERIFIED: " + missing.reason();
    }

    /** How much of an intact chain is keyed: unkeyed rows only show accidents, not a rewrite by the owner. */
    private static String keying(ChainVerification.Intact intact) {
        if (intact.unkeyedRows() == 0) {
            return ", all keyed";
        }
        String unkeyed = intact.unkeyedRows() + " unkeyed (sha256, written before the chain was keyed";
        return intact.keyedRows() == 0
                ? ", none keyed yet: " + unkeyed + "; the tables' owner could have rewritten them)"
                : ": " + unkeyed + "), " + intact.keyedRows() + " keyed";
    }

    /** Parses --expect-head before the registry is opened: a malformed value exits 2. */
    static final class HeadConverter implements ITypeConverter<ExpectedHead> {
        @Override
        public ExpectedHead convert(String value) {
            try {
                return ExpectedHead.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
