package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6, as a counted reliability property: every way of tampering with any row of the audit
 * log — edit a field, edit it and recompute the hashes from there on without the key, delete a row, swap
 * two rows, cut off the tail — is detected by {@code audit verify --expect-head} (the head recorded outside
 * the database). Each tampering is done as the tables' owner with the append-only trigger off, verified on
 * the same connection inside its transaction and rolled back, so every try starts from the same honest chain
 * of a throwaway registry; that chain verifies before, between and after the tries (the check can pass).
 */
@Tag("reliability")
class AuditTamperingPropertyTest {

    private static final int ROWS = 6;
    private static final List<String> FIELDS = List.of("actor = 'mallory'", "tenant_slug = 'globex'",
            "action = 'config-applied'", "to_state = 'ACTIVE'", "reason = 'nothing happened'",
            "at = at - interval '1 day'");

    enum Tampering { EDIT_A_FIELD, EDIT_AND_REHASH_WITHOUT_KEY, DELETE_A_ROW, SWAP_TWO_ROWS, TRUNCATE_THE_TAIL }

    @Test
    void everyTamperingOfAnyRowIsDetectedAgainstTheRecordedHead() throws Exception {
        PropertyTally tally = new PropertyTally("audit: tampering with any row is detected");
        Map<Tampering, Integer> missed = new EnumMap<>(Tampering.class);
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.create()) {
            AuditLog audit = throwaway.registry().audit();
            List<AuditRecord> rows = honestChain(audit);
            ExpectedHead head = new ExpectedHead(rows.get(ROWS - 1).id(), rows.get(ROWS - 1).hash());
            assertThat(audit.verify(head).ok()).as("the honest chain verifies").isTrue();
            for (Tampering tampering : Tampering.values()) {
                for (int at = 0; at < ROWS; at++) {
                    if (tampering == Tampering.SWAP_TWO_ROWS && at == ROWS - 1) {
                        continue; // swaps row at with row at+1
                    }
                    boolean detected = tamperAndVerify(throwaway, rows, head, tampering, at);
                    tally.tried(detected);
                    if (!detected) {
                        missed.merge(tampering, 1, Integer::sum);
                    }
                }
            }
            assertThat(audit.verify(head).ok()).as("nothing was committed: the chain verifies again").isTrue();
        } finally {
            tally.record("throwaway registry, a keyed chain of " + ROWS + " rows; each tampering at every row as the "
                    + "owner with the trigger off, verified against the recorded head, rolled back; "
                    + "edit, edit + rehash without key, delete, swap, truncate tail; missed: " + missed);
        }
        assertThat(missed).as("tamperings not detected").isEmpty();
        assertThat(tally.held()).isEqualTo(tally.tried()).isEqualTo(5 * ROWS - 1);
    }

    private static List<AuditRecord> honestChain(AuditLog audit) {
        List<AuditRecord> rows = new ArrayList<>();
        rows.add(audit.append(AuditEntry.transition("alice", "acme", "REQUESTED", "APPROVED", "auto-approved")));
        rows.add(audit.append(AuditEntry.transition("alice", "acme", "APPROVED", "PROVISIONING", "provision")));
        rows.add(audit.append(new AuditEntry("bob", "acme", "approval", null, null, "CFO approved")));
        rows.add(audit.append(AuditEntry.transition("alice", "acme", "PROVISIONING", "CONFIGURING", "created")));
        rows.add(audit.append(new AuditEntry("carol", "globex", "note", null, null, "unrelated")));
        rows.add(audit.append(AuditEntry.transition("alice", "acme", "CONFIGURING", "VALIDATING", "configured")));
        assertThat(rows).hasSize(ROWS);
        return rows;
    }

    /** Tampers as the owner, verifies inside the same transaction, rolls back: true when verify failed. */
    private static boolean tamperAndVerify(ThrowawayRegistry throwaway, List<AuditRecord> rows, ExpectedHead head,
                                           Tampering tampering, int at) throws SQLException {
        try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            admin.setAutoCommit(false);
            try {
                st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
                tamper(admin, st, rows, tampering, at);
                AuditLog seen = new AuditLog(SqlScope.bound(admin), AuditKey.fromSettings(throwaway.settings()));
                return !seen.verify(head).ok();
            } finally {
                admin.rollback();
            }
        }
    }

    private static void tamper(Connection admin, Statement st, List<AuditRecord> rows, Tampering tampering, int at)
            throws SQLException {
        long id = rows.get(at).id();
        switch (tampering) {
            case EDIT_A_FIELD -> assertThat(st.executeUpdate("UPDATE audit_log SET " + FIELDS.get(at)
                    + " WHERE id = " + id)).isEqualTo(1);
            case EDIT_AND_REHASH_WITHOUT_KEY -> {
                String prev = at == 0 ? AuditLog.GENESIS : rows.get(at - 1).hash();
                AuditTampering.store(admin, AuditTampering.rewrittenWithoutKey(rows.subList(at, ROWS), prev,
                        "nothing happened", ChainHash.HMAC_SHA256));
            }
            case DELETE_A_ROW -> assertThat(st.executeUpdate("DELETE FROM audit_log WHERE id = " + id)).isEqualTo(1);
            case SWAP_TWO_ROWS -> swap(admin, rows.get(at), rows.get(at + 1));
            case TRUNCATE_THE_TAIL -> assertThat(AuditTampering.deleteFrom(admin, id)).isEqualTo(ROWS - at);
            default -> throw new AssertionError(tampering);
        }
    }

    /** Each row takes the other's whole content (its hashes too): the chain's order changes, not its rows. */
    private static void swap(Connection admin, AuditRecord a, AuditRecord b) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("UPDATE audit_log SET at = ?, actor = ?, tenant_slug = ?, "
                + "action = ?, from_state = ?, to_state = ?, reason = ?, prev_hash = ?, hash = ?, hash_alg = ? "
                + "WHERE id = ?")) {
            for (AuditRecord[] pair : new AuditRecord[][] {{a, b}, {b, a}}) {
                AuditRecord from = pair[1];
                ps.setTimestamp(1, java.sql.Timestamp.from(from.at()));
                ps.setString(2, from.actor());
                ps.setString(3, from.tenantSlug());
                ps.setString(4, from.action());
                ps.setString(5, from.fromState());
                ps.setString(6, from.toState());
                ps.setString(7, from.reason());
                ps.setString(8, from.prevHash());
                ps.setString(9, from.hash());
                ps.setString(10, from.hashAlg().column());
                ps.setLong(11, pair[0].id());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
