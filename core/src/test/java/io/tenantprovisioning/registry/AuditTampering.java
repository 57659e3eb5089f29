package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What someone holding the registry's admin role (the tables' owner) but not AUDIT_HMAC_KEY can do
 * to the audit log: disable its trigger, edit and delete rows, and recompute every hash that needs no
 * key, plain sha256 — exactly the hash every row carried before the chain was keyed.
 */
final class AuditTampering {

    /** Computes sha256 hashes only: the attacker's hasher. */
    static final RowHasher WITHOUT_KEY = new RowHasher(Optional.empty());

    @FunctionalInterface
    interface AdminWork {
        void run(Connection admin) throws SQLException;
    }

    private AuditTampering() {
    }

    /** Runs the work as the table's owner with the append-only trigger off, in one transaction. */
    static void asOwnerWithoutTrigger(Connection admin, AdminWork work) throws SQLException {
        admin.setAutoCommit(false);
        try (Statement st = admin.createStatement()) {
            st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
            work.run(admin);
            st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
        }
        admin.commit();
    }

    /**
     * The rows with a new reason and their hashes recomputed in chain order, the first linking to
     * {@code prev}: plain sha256, stored with the label {@code storedAs} (keep "keyed", or say "unkeyed").
     */
    static List<AuditRecord> rewrittenWithoutKey(List<AuditRecord> rows, String prev, String reason,
                                                 ChainHash storedAs) {
        List<AuditRecord> out = new ArrayList<>();
        for (AuditRecord r : rows) {
            AuditRecord edited = new AuditRecord(r.id(), r.at(), r.actor(), r.tenantSlug(), r.action(), r.fromState(),
                    r.toState(), reason, prev, null, ChainHash.SHA256);
            String hash = WITHOUT_KEY.hash(edited);
            out.add(new AuditRecord(r.id(), r.at(), r.actor(), r.tenantSlug(), r.action(), r.fromState(),
                    r.toState(), reason, prev, hash, storedAs));
            prev = hash;
        }
        return out;
    }

    /** Overwrites the stored rows (same ids) with these; needs the trigger off. */
    static void store(Connection admin, List<AuditRecord> rows) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "UPDATE audit_log SET reason = ?, prev_hash = ?, hash = ?, hash_alg = ? WHERE id = ?")) {
            for (AuditRecord r : rows) {
                ps.setString(1, r.reason());
                ps.setString(2, r.prevHash());
                ps.setString(3, r.hash());
                ps.setString(4, r.hashAlg().column());
                ps.setLong(5, r.id());
                assertThat(ps.executeUpdate()).as("rewrite row %d", r.id()).isEqualTo(1);
            }
        }
    }

    /** Deletes the rows from {@code fromId} on; needs the trigger off. */
    static int deleteFrom(Connection admin, long fromId) throws SQLException {
        try (Statement st = admin.createStatement()) {
            return st.executeUpdate("DELETE FROM audit_log WHERE id >= " + fromId);
        }
    }
}
