package io.tenantprovisioning.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit log. Each row stores the hash of {@code prev_hash | canonical row}, so an
 * edited row no longer matches its hash and a removed row breaks the next row's link. New rows are
 * keyed: the hash is an HMAC-SHA256 with AUDIT_HMAC_KEY, which is not in the database, so the
 * tables' owner cannot recompute it after an edit. Rows from before the key (migration V3__keyed_audit_chain)
 * keep their plain sha256 hashes and verify as what they are.
 */
public final class AuditLog {

    /** prev_hash of the very first row. */
    public static final String GENESIS = "0".repeat(64);
    // serializes appends, so each row links to the row committed just before it
    private static final long APPEND_LOCK_KEY = 0x74656e616e74L;
    private static final String COLUMNS = "id, at, actor, tenant_slug, action, from_state, to_state, reason, "
            + "prev_hash, hash, hash_alg";

    private final SqlScope scope;
    private final RowHasher hasher;

    AuditLog(SqlScope scope, Optional<AuditKey> key) {
        this.scope = scope;
        this.hasher = new RowHasher(key);
    }

    /**
     * Appends a keyed row in the caller's transaction (or its own). Holds the append lock until that
     * transaction ends: keep it the last statement of short transactions.
     *
     * @throws io.tenantprovisioning.config.ConfigurationException when AUDIT_HMAC_KEY is not set
     */
    public AuditRecord append(AuditEntry entry) {
        hasher.requireKey();
        return scope.run("append to the audit log", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK_KEY + ")");
            }
            String prev = lastHash(c);
            long id = nextId(c);
            Instant at = Columns.now();
            AuditRecord row = new AuditRecord(id, at, entry.actor(), entry.tenantSlug(), entry.action(),
                    entry.fromState(), entry.toState(), entry.reason(), prev, null, ChainHash.HMAC_SHA256);
            AuditRecord hashed = withHash(row, hasher.hash(row));
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
                        rows.add(read(rs, hashAlg(rs).orElseThrow(() -> unknownHashAlg(rs))));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Walks the whole chain and reports the first row that does not verify. Without the key, keyed
     * rows cannot be verified: the result says so ({@link ChainVerification.KeyMissing}), never intact.
     */
    public ChainVerification verify() {
        return verify(Optional.empty());
    }

    /**
     * {@link #verify()}, and the chain must still hold the head recorded elsewhere, unchanged
     * ({@link ChainVerification.HeadMismatch} otherwise): the check that catches a cut-off tail.
     */
    public ChainVerification verify(ExpectedHead expectedHead) {
        return verify(Optional.of(expectedHead));
    }

    private ChainVerification verify(Optional<ExpectedHead> expectedHead) {
        return scope.run("verify the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    return walk(rs, new ChainWalk(hasher, expectedHead));
                }
            }
        });
    }

    /** The hash the row must carry in this chain: with this log's key when the row is keyed. */
    String hashOf(AuditRecord row) {
        return hasher.hash(row);
    }

    private static ChainVerification walk(ResultSet rs, ChainWalk walk) throws SQLException {
        while (rs.next()) {
            Optional<ChainHash> alg = hashAlg(rs);
            if (alg.isEmpty()) {
                return new ChainVerification.Broken(rs.getLong("id"), "hash_alg '" + rs.getString("hash_alg")
                        + "' is no algorithm of the chain: row " + rs.getLong("id") + " was tampered with");
            }
            Optional<ChainVerification.Broken> broken = walk.step(read(rs, alg.get()));
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return walk.finish();
    }

    private static Optional<ChainHash> hashAlg(ResultSet rs) throws SQLException {
        return ChainHash.ofColumn(rs.getString("hash_alg"));
    }

    private static RegistryException unknownHashAlg(ResultSet rs) {
        try {
            return new RegistryException("audit row " + rs.getLong("id") + " has hash_alg '"
                    + rs.getString("hash_alg") + "', no algorithm of the chain: run tenantctl audit verify");
        } catch (SQLException e) {
            return RegistryException.of("read the audit log", e);
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
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            ps.setString(11, row.hashAlg().column());
            ps.executeUpdate();
        }
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.id(), r.at(), r.actor(), r.tenantSlug(), r.action(), r.fromState(), r.toState(),
                r.reason(), r.prevHash(), hash, r.hashAlg());
    }

    private static AuditRecord read(ResultSet rs, ChainHash alg) throws SQLException {
        return new AuditRecord(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("actor"),
                rs.getString("tenant_slug"), rs.getString("action"), rs.getString("from_state"),
                rs.getString("to_state"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"), alg);
    }
}
