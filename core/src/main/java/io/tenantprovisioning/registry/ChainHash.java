package io.tenantprovisioning.registry;

import java.util.Arrays;
import java.util.Optional;

/** How an audit row's hash was computed: the {@code hash_alg} column (migration V3__keyed_audit_chain). */
public enum ChainHash {

    /**
     * {@code sha256(prev_hash | row)}: the rows written before the chain was keyed. Anyone who may
     * write the table can recompute these, so they show accidents, not a rewrite by the table's owner.
     */
    SHA256("sha256"),

    /** {@code HMAC-SHA256(AUDIT_HMAC_KEY, prev_hash | row)}: every row since; computing it takes the key. */
    HMAC_SHA256("hmac-sha256");

    private final String column;

    ChainHash(String column) {
        this.column = column;
    }

    /** The value stored in {@code audit_log.hash_alg}. */
    public String column() {
        return column;
    }

    public boolean keyed() {
        return this == HMAC_SHA256;
    }

    /** The algorithm of a stored {@code hash_alg} value; empty for a value the chain never writes. */
    static Optional<ChainHash> ofColumn(String value) {
        return Arrays.stream(values()).filter(h -> h.column.equals(value)).findFirst();
    }
}
