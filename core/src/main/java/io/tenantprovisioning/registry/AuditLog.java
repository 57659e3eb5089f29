package io.tenantprovisioning.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only audit log. Each row stores {@code sha256(prev_hash | canonical row)}, so an
 * edited row no longer matches its hash and a removed row breaks the next row's link.
 */
public final class AuditLog {

    /** prev_hash of the very first row. */
    public static final String GENESIS = "0".repeat(64);
    // serializes appends, so each row links to the row committed just before it
    private static final long APPEND_LOCK_KEY = 0x74656e616e74L;
    private static final String COLUMNS = "id, at, actor, tenant_slug, action, from_state, to_state, reason, "
            + "prev_hash, hash";

    private final SqlScope scope;

    AuditLog(SqlScope scope) {
        this.scope = scope;
    }

    /**
     * Appends a row in the caller's transaction (or its own). Holds the append lock until that
     * transaction ends: keep it the last statement of short transactions.
     */
    public AuditRecord append(AuditEntry entry) {
        return scope.run("append to the audit log", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK_KEY + ")");
            }
            String prev = lastHash(c);
            long id = nextId(c);
            Instant at = Columns.now();
            AuditRecord row = new AuditRecord(id, at, entry.actor(), entry.tenantSlug(), entry.action(),
                    entry.fromState(), entry.toState(), entry.reason(), prev, null);
            AuditRecord hashed = withHash(row, hashOf(row));
            insert(c, hashed);
            return hashed;
        });
    }

    /** The tenant's audit rows, oldest first. */
    public List<AuditRecord> forTenant(String slug) {
        return scope.run("read the audit log of " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_log WHERE tenant_slug = ? ORDER BY id")) {
                ps.setString(1, slug);
                List<AuditRecord> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Walks the whole chain and reports the first row that does not verify. */
    public ChainVerification verify() {
        return scope.run("verify the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    return walk(rs);
                }
            }
        });
    }

    private static ChainVerification walk(ResultSet rs) throws SQLException {
        String expectedPrev = GENESIS;
        long previousId = 0;
        long count = 0;
        while (rs.next()) {
            AuditRecord row = read(rs);
            if (!hashOf(row).equals(row.hash())) {
                return new ChainVerification.Broken(row.id(),
                        "hash mismatch: row " + row.id() + " was changed after it was written");
            }
            if (!row.prevHash().equals(expectedPrev)) {
                return new ChainVerification.Broken(row.id(), "prev_hash mismatch: row " + row.id()
                        + " does not link to " + (previousId == 0 ? "the start of the log" : "row " + previousId)
                        + "; a row between them was removed, or the chain was rewritten");
            }
            expectedPrev = row.hash();
            previousId = row.id();
            count++;
        }
        return new ChainVerification.Intact(count, previousId, expectedPrev);
    }

    /** sha256 over the previous hash and an unambiguous encoding of every column but the hash. */
    static String hashOf(AuditRecord row) {
        StringBuilder canonical = new StringBuilder(row.prevHash()).append('|');
        for (String field : new String[] {Long.toString(row.id()), DateTimeFormatter.ISO_INSTANT.format(row.at()),
                row.actor(), row.tenantSlug(), row.action(), row.fromState(), row.toState(), row.reason()}) {
            // length-prefixed, so no choice of field text can imitate another split of the fields
            canonical.append(field == null ? "-" : field.length() + ":" + field).append(',');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String lastHash(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : GENESIS;
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection c, AuditRecord row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, row.id());
            Columns.setInstant(ps, 2, row.at());
            ps.setString(3, row.actor());
            ps.setString(4, row.tenantSlug());
            ps.setString(5, row.action());
            ps.setString(6, row.fromState());
            ps.setString(7, row.toState());
            ps.setString(8, row.reason());
            ps.setString(9, row.prevHash());
            ps.setString(10, row.hash());
            ps.executeUpdate();
        }
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.id(), r.at(), r.actor(), r.tenantSlug(), r.action(), r.fromState(), r.toState(),
                r.reason(), r.prevHash(), hash);
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("actor"),
                rs.getString("tenant_slug"), rs.getString("action"), rs.getString("from_state"),
                rs.getString("to_state"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
