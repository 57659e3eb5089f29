package io.tenantprovisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private ThrowawayRegistry throwaway;
    private AuditLog audit;

    @BeforeEach
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        audit = throwaway.registry().audit();
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void eachRowLinksToThePreviousOneAndTheChainVerifies() {
        AuditRecord first = audit.append(AuditEntry.transition("alice", "acme", "REQUESTED", "APPROVED", "auto"));
        AuditRecord second = audit.append(new AuditEntry("bob", "acme", "approval", null, null, null));

        assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(audit.forTenant("acme")).containsExactly(first, second);
        assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(2, second.id(), second.hash()));
    }

    @Test
    void concurrentAppendsStillFormOneChain() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String actor = "writer-" + t;
                Callable<Void> writer = () -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        audit.append(new AuditEntry(actor, "acme", "note", null, null, "entry " + i));
                    }
                    return null;
                };
                done.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Intact.class,
                ok -> assertThat(ok.rowsChecked()).isEqualTo(threads * 5L));
    }

    @Test
    void theApplicationRoleCanNeitherUpdateNorDeleteNorTruncateTheAuditLog() throws Exception {
        audit.append(new AuditEntry("alice", "acme", "note", null, null, "original"));
        try (Connection app = throwaway.registry().database().dataSource().getConnection();
             Statement st = app.createStatement()) {
            app.setAutoCommit(true);
            for (String sql : List.of("UPDATE audit_log SET reason = 'rewritten'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getMessage()).contains("permission denied");
                        });
            }
            // and it can still append and read
            assertThat(st.executeQuery("SELECT count(*) FROM audit_log")).satisfies(rs -> {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            });
        }
        assertThat(audit.forTenant("acme")).singleElement().extracting(AuditRecord::reason).isEqualTo("original");
    }

    @Test
    void evenTheOwnerIsStoppedByTheTrigger() throws Exception {
        audit.append(new AuditEntry("alice", "acme", "note", null, null, "original"));
        try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            for (String sql : List.of("UPDATE audit_log SET reason = 'rewritten'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql)
                        .hasMessageContaining("audit_log is append-only");
            }
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void verifyFindsAnEditedRow() throws Exception {
        audit.append(new AuditEntry("alice", "acme", "note", null, null, "one"));
        AuditRecord edited = audit.append(new AuditEntry("alice", "acme", "note", null, null, "two"));
        audit.append(new AuditEntry("alice", "acme", "note", null, null, "three"));

        asOwnerWithoutTrigger("UPDATE audit_log SET reason = 'two, quietly changed' WHERE id = " + edited.id());

        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.rowId()).isEqualTo(edited.id());
            assertThat(broken.reason()).contains("hash mismatch");
        });
    }

    @Test
    void verifyFindsARemovedRow() throws Exception {
        audit.append(new AuditEntry("alice", "acme", "note", null, null, "one"));
        AuditRecord removed = audit.append(new AuditEntry("alice", "acme", "note", null, null, "two"));
        AuditRecord next = audit.append(new AuditEntry("alice", "acme", "note", null, null, "three"));

        asOwnerWithoutTrigger("DELETE FROM audit_log WHERE id = " + removed.id());

        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.rowId()).isEqualTo(next.id());
            assertThat(broken.reason()).contains("prev_hash mismatch");
        });
    }

    @Test
    void verifyFindsAnEditThatAlsoRecomputedTheRowsOwnHash() throws Exception {
        AuditRecord edited = audit.append(new AuditEntry("alice", "acme", "note", null, null, "one"));
        AuditRecord next = audit.append(new AuditEntry("alice", "acme", "note", null, null, "two"));
        AuditRecord forged = new AuditRecord(edited.id(), edited.at(), "mallory", edited.tenantSlug(), edited.action(),
                null, null, edited.reason(), edited.prevHash(), null, edited.hashAlg());

        // even with the key (audit.hashOf), one edited row is caught by the next row's link
        asOwnerWithoutTrigger("UPDATE audit_log SET actor = 'mallory', hash = '" + audit.hashOf(forged)
                + "' WHERE id = " + edited.id());

        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class,
                broken -> assertThat(broken.rowId()).isEqualTo(next.id()));
    }

    private void asOwnerWithoutTrigger(String tampering) throws SQLException {
        try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            admin.setAutoCommit(false);
            st.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
            assertThat(st.executeUpdate(tampering)).isEqualTo(1);
            st.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
            admin.commit();
        }
    }
}
