package io.tenantprovisioning.engine.terraform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Lock Info:" block of an "Error acquiring the state lock" diagnostic. Backends that store lock
 * metadata (s3, consul, …) print the holder's info here; the {@code pg} backend stores none and
 * prints the info of the process that was refused (see {@link StateLockedException}).
 *
 * @param reason the backend's "Error message:" line, e.g. "Workspace is already locked: t-acme"
 */
public record LockInfo(String id, String path, String operation, String who, String version, String created,
                       String info, String reason) {

    /** Field lines of the block, as statemgr.LockInfo.String() prints them: two spaces, key, colon. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(ID|Path|Operation|Who|Version|Created|Info):[ \\t]*(.*)$", Pattern.MULTILINE);
    private static final Pattern REASON = Pattern.compile("^\\s*Error message:[ \\t]*(.*)$", Pattern.MULTILINE);

    /** Parses the diagnostic detail; empty when it has no "Lock Info:" block with an ID. */
    public static Optional<LockInfo> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        int block = detail.indexOf("Lock Info:");
        if (block < 0) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(detail.substring(block));
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2).strip());
        }
        String id = fields.getOrDefault("ID", "");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Matcher r = REASON.matcher(detail.substring(0, block));
        String reason = r.find() ? r.group(1).strip() : "";
        return Optional.of(new LockInfo(id, fields.getOrDefault("Path", ""), fields.getOrDefault("Operation", ""),
                fields.getOrDefault("Who", ""), fields.getOrDefault("Version", ""),
                fields.getOrDefault("Created", ""), fields.getOrDefault("Info", ""), reason));
    }
}
