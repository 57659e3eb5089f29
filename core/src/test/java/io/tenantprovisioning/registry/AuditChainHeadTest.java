package io.tenantprovisioning.registry;

import static io.tenantprovisioning.registry.AuditTampering.asOwnerWithoutTrigger;
import static io.tenantprovisioning.registry.AuditTampering.deleteFrom;
import static io.tenantprovisioning.registry.AuditTampering.rewrittenWithoutKey;
import static io.tenantprovisioning.registry.AuditTampering.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The head anchored outside the database ({@code audit verify --expect-head}), against the real
 * PostgreSQL, attacked as the admin role without the key. A cut-off tail is a shorter chain whose
 * every row still verifies, and relabelling the whole keyed part as unkeyed rows needs no key: no
 * hash can show either (plain {@code verify()} passes below, as it did on today's code for any
 * rewrite), only the recorded head does.
 */
class AuditChainHeadTest {

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
    void theHonestChainReachesItsRecordedHeadAlsoAfterItGrew() {
        List<AuditRecord> rows = appendFive();
        ExpectedHead head = headOf(rows.get(4));
        AuditRecord later = audit.append(new AuditEntry("bob", "acme", "note", null, null, "six"));

        assertThat(audit.verify(head)).isEqualTo(new ChainVerification.Intact(6, later.id(), later.hash(), 0));
    }

    @Test
    void aTruncatedTailFailsTheRecordedHead() throws Exception {
        List<AuditRecord> rows = appendFive();
        ExpectedHead head = headOf(rows.get(4));

        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> assertThat(deleteFrom(c, rows.get(3).id())).isEqualTo(2));
        }

        AuditRecord cut = rows.get(2);
        assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(3, cut.id(), cut.hash(), 0));
        assertThat(audit.verify(head)).isEqualTo(new ChainVerification.HeadMismatch(head, cut.id(), cut.hash(),
                "the chain ends at row " + cut.id() + ", before the recorded head #" + head.id()
                        + ": rows were cut off its end (or the head was recorded on another registry)"));
    }

    @Test
    void aTruncationHiddenByLaterAppendsStillFailsTheRecordedHead() throws Exception {
        List<AuditRecord> rows = appendFive();
        ExpectedHead head = headOf(rows.get(4));
        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> deleteFrom(c, rows.get(3).id()));
        }
        // the application goes on appending: the next row links to what is now the last one
        AuditRecord next = audit.append(new AuditEntry("bob", "acme", "note", null, null, "after the cut"));

        assertThat(audit.verify().ok()).isTrue();
        assertThat(audit.verify(head)).isInstanceOfSatisfying(ChainVerification.HeadMismatch.class, mismatch -> {
            assertThat(mismatch.headId()).isEqualTo(next.id());
            assertThat(mismatch.reason()).isEqualTo("row " + head.id() + " is gone although the chain goes on to row "
                    + next.id() + ": the chain was rewritten after the head was recorded");
        });
    }

    @Test
    void aKeyedChainRelabelledAsUnkeyedAndRecomputedFailsTheRecordedHead() throws Exception {
        List<AuditRecord> rows = appendFive();
        ExpectedHead head = headOf(rows.get(4));
        List<AuditRecord> forged = rewrittenWithoutKey(rows, AuditLog.GENESIS, "nothing happened", ChainHash.SHA256);
        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> store(c, forged));
        }

        // every row now claims to predate the key: verify can only say that none is keyed
        String forgedHead = forged.get(4).hash();
        assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(5, head.id(), forgedHead, 5));
        assertThat(audit.verify(head)).isInstanceOfSatisfying(ChainVerification.HeadMismatch.class, mismatch ->
                assertThat(mismatch.reason()).isEqualTo("row " + head.id() + " now has hash " + forgedHead
                        + ", not the recorded " + head.hash() + ": the chain was rewritten at or before row "
                        + head.id()));
    }

    @Test
    void withoutTheKeyACutOffTailIsStillReportedAsSuch() throws Exception {
        List<AuditRecord> rows = appendFive();
        ExpectedHead head = headOf(rows.get(4));
        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> deleteFrom(c, rows.get(3).id()));
        }
        AuditLog keyless = new AuditLog(SqlScope.pooled(throwaway.registry().database().dataSource()),
                Optional.empty());

        assertThat(keyless.verify(head)).isInstanceOf(ChainVerification.HeadMismatch.class);
        assertThat(keyless.verify(headOf(rows.get(2)))).isInstanceOf(ChainVerification.KeyMissing.class);
    }

    @Test
    void anExpectedHeadIsParsedAsAuditVerifyPrintsIt() {
        String hash = "ab".repeat(32);
        assertThat(ExpectedHead.parse("42:" + hash)).isEqualTo(new ExpectedHead(42, hash));
        assertThat(ExpectedHead.parse(" #42:" + hash.toUpperCase() + " ")).isEqualTo(new ExpectedHead(42, hash));
        assertThat(new ExpectedHead(42, hash)).hasToString("42:" + hash);
        for (String bad : List.of("", "42", "42:", "0:" + hash, "-1:" + hash, "42:" + hash.substring(1),
                "42:" + hash + "0", "x:" + hash, "42:" + "zz".repeat(32))) {
            assertThatThrownBy(() -> ExpectedHead.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--expect-head takes <id>:<hash>");
        }
    }

    private List<AuditRecord> appendFive() {
        List<AuditRecord> rows = new ArrayList<>();
        for (String what : List.of("one", "two", "three", "four", "five")) {
            rows.add(audit.append(new AuditEntry("alice", "acme", "note", null, null, what)));
        }
        return rows;
    }

    private static ExpectedHead headOf(AuditRecord row) {
        return new ExpectedHead(row.id(), row.hash());
    }
}
