package io.tenantprovisioning.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A head of the audit chain written down outside the registry ({@code <id>:<hash>}, as
 * {@code tenantctl audit verify} prints it). The key stops edits; only an anchor outside the
 * database shows that rows were cut off the end, or that the whole keyed part was relabelled.
 */
public record ExpectedHead(long id, String hash) {

    private static final Pattern FORM = Pattern.compile("#?([1-9][0-9]{0,18}):([0-9a-f]{64})");

    public ExpectedHead {
        if (id < 1) {
            throw new IllegalArgumentException("an audit head's id is a row id (1 or more), got " + id);
        }
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an audit head's hash is 64 lowercase hex digits");
        }
    }

    /** Parses {@code <id>:<hash>} (a leading {@code #} is allowed). */
    public static ExpectedHead parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--expect-head takes <id>:<hash> as `tenantctl audit verify` prints "
                    + "them (a row id, a colon, 64 hex digits), got '" + text + "'");
        }
        return new ExpectedHead(Long.parseLong(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
        return id + ":" + hash;
    }
}
