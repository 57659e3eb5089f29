package io.tenantprovisioning.registry;

import static io.tenantprovisioning.registry.AuditTampering.asOwnerWithoutTrigger;
import static io.tenantprovisioning.registry.AuditTampering.rewrittenWithoutKey;
import static io.tenantprovisioning.registry.AuditTampering.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registry written before the chain was keyed (migration 1, plain sha256 rows, as tenantctl wrote
 * them until now) and then upgraded: its rows verify as unkeyed rows, new rows are keyed, and the
 * first keyed row seals the unkeyed rows before it.
 */
class AuditChainUpgradeTest {

    // a registry as the first release left it; the upgrade then runs every later migration, V3 included
    private static final String BEFORE_THE_KEY = "1";

    @Test
    void rowsWrittenBeforeTheKeyVerifyAsUnkeyedAndNewRowsAreKeyed() throws Exception {
        List<AuditRecord> legacy = new ArrayList<>();
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.upgradedFrom(BEFORE_THE_KEY, admin -> legacy.addAll(
                writeAsBeforeTheKey(admin, "one", "two", "three")))) {
            AuditLog audit = throwaway.registry().audit();
            AuditRecord head = legacy.get(2);

            assertThat(audit.forTenant("acme")).extracting(AuditRecord::hashAlg).containsOnly(ChainHash.SHA256);
            assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(3, head.id(), head.hash(), 3));

            AuditRecord keyed = audit.append(new AuditEntry("bob", "acme", "note", null, null, "four"));
            assertThat(keyed.hashAlg()).isEqualTo(ChainHash.HMAC_SHA256);
            assertThat(keyed.prevHash()).isEqualTo(head.hash());
            assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(4, keyed.id(), keyed.hash(), 3));
        }
    }

    /**
     * The attack of issue #15 on today's unkeyed rows: the owner rewrites them with recomputed sha256
     * hashes and, as long as no keyed row follows, verify cannot tell (the result says the rows are
     * unkeyed; only an anchored head, {@code --expect-head}, catches it). This is what every row was
     * exposed to before the chain was keyed.
     */
    @Test
    void unkeyedRowsWithNoKeyedRowAfterThemCanStillBeRewritten() throws Exception {
        List<AuditRecord> legacy = new ArrayList<>();
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.upgradedFrom(BEFORE_THE_KEY, admin -> legacy.addAll(
                writeAsBeforeTheKey(admin, "one", "two", "three")))) {
            List<AuditRecord> forged = rewrittenWithoutKey(legacy.subList(1, 3), legacy.get(0).hash(),
                    "nothing happened", ChainHash.SHA256);
            try (Connection admin = throwaway.adminConnection()) {
                asOwnerWithoutTrigger(admin, c -> store(c, forged));
            }

            assertThat(throwaway.registry().audit().verify()).isEqualTo(
                    new ChainVerification.Intact(3, forged.get(1).id(), forged.get(1).hash(), 3));
        }
    }

    @Test
    void theFirstKeyedRowSealsTheUnkeyedRowsBeforeIt() throws Exception {
        List<AuditRecord> legacy = new ArrayList<>();
        try (ThrowawayRegistry throwaway = ThrowawayRegistry.upgradedFrom(BEFORE_THE_KEY, admin -> legacy.addAll(
                writeAsBeforeTheKey(admin, "one", "two", "three")))) {
            AuditLog audit = throwaway.registry().audit();
            AuditRecord keyed = audit.append(new AuditEntry("bob", "acme", "note", null, null, "four"));
            List<AuditRecord> forged = rewrittenWithoutKey(legacy.subList(1, 3), legacy.get(0).hash(),
                    "nothing happened", ChainHash.SHA256);
            try (Connection admin = throwaway.adminConnection()) {
                asOwnerWithoutTrigger(admin, c -> store(c, forged));
            }

            // the keyed row's HMAC covers the old head's hash: re-linking it would take the key
            assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
                assertThat(broken.rowId()).isEqualTo(keyed.id());
                assertThat(broken.reason()).contains("prev_hash mismatch");
            });
        }
    }

    /** Inserts rows the way tenantctl did before the keyed-chain migration: plain sha256, no hash_alg yet. */
    private static List<AuditRecord> writeAsBeforeTheKey(Connection admin, String... reasons) throws SQLException {
        List<AuditRecord> rows = new ArrayList<>();
        String prev = AuditLog.GENESIS;
        Instant at = Columns.now();
        try (PreparedStatement ps = admin.prepareStatement("INSERT INTO audit_log (id, at, actor, tenant_slug, "
                + "action, reason, prev_hash, hash) VALUES (?, ?, 'alice', 'acme', 'note', ?, ?, ?)")) {
            long id = 1;
            for (String reason : reasons) {
                AuditRecord row = new AuditRecord(id, at, "alice", "acme", "note", null, null, reason, prev, null,
                        ChainHash.SHA256);
                String hash = AuditTampering.WITHOUT_KEY.hash(row);
                ps.setLong(1, id);
                Columns.setInstant(ps, 2, at);
                ps.setString(3, reason);
                ps.setString(4, prev);
                ps.setString(5, hash);
                ps.executeUpdate();
                rows.add(new AuditRecord(id, at, "alice", "acme", "note", null, null, reason, prev, hash,
                        ChainHash.SHA256));
                prev = hash;
                id++;
            }
        }
        try (var st = admin.createStatement()) {
            st.execute("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), " + rows.size() + ")");
        }
        return rows;
    }
}
