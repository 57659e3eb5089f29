package io.tenantprovisioning.resource.postgres;

import java.util.regex.Pattern;

/**
 * A PostgreSQL identifier that is safe to splice into DDL, always emitted double-quoted. Only the
 * lower-case names this product derives from a slug are accepted, so quoting can never be escaped.
 */
public record SqlIdentifier(String name) {

    private static final Pattern SAFE = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    public SqlIdentifier {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: '" + name
                    + "' (expected lower-case letters, digits and '_', at most 63 characters)");
        }
    }

    /** {@code "t_acme_corp"}. */
    public String quoted() {
        return '"' + name + '"';
    }

    /** {@code "t_acme_corp"."documents"}. */
    public String qualify(String table) {
        return quoted() + "." + new SqlIdentifier(table).quoted();
    }

    @Override
    public String toString() {
        return name;
    }
}
