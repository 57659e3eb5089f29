package io.tenantprovisioning.registry;

import static io.tenantprovisioning.registry.AuditTampering.asOwnerWithoutTrigger;
import static io.tenantprovisioning.registry.AuditTampering.rewrittenWithoutKey;
import static io.tenantprovisioning.registry.AuditTampering.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keyed audit chain (issue #15, item 8) against the real PostgreSQL, attacked as the admin role
 * that owns the table: it can disable the append-only trigger and rewrite rows, but it does not
 * hold AUDIT_HMAC_KEY.
 *
 * <p>Before the chain was keyed every row's hash was plain sha256 over the previous hash and the
 * row: the rewrites below, recomputed that way, verified as intact (reproduced on main at 68f99a3,
 * and kept reproducible on unkeyed rows in {@link AuditChainUpgradeTest}). Now they fail.
 */
class AuditChainKeyTest {

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
    void theHonestChainIsKeyedAndVerifies() {
        List<AuditRecord> rows = appendFive();

        assertThat(rows).extracting(AuditRecord::hashAlg).containsOnly(ChainHash.HMAC_SHA256);
        // what the owner could compute without the key is not what the rows carry
        AuditRecord last = rows.get(4);
        assertThat(AuditTampering.WITHOUT_KEY.hash(relabelled(last, ChainHash.SHA256))).isNotEqualTo(last.hash());
        assertThat(audit.verify()).isEqualTo(new ChainVerification.Intact(5, last.id(), last.hash(), 0));
    }

    @Test
    void aTailRewrittenWithRecomputedUnkeyedHashesNoLongerVerifies() throws Exception {
        List<AuditRecord> rows = appendFive();
        List<AuditRecord> forged = rewrittenWithoutKey(rows.subList(3, 5), rows.get(2).hash(), "nothing happened",
                ChainHash.HMAC_SHA256);

        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> store(c, forged));
        }

        assertThat(audit.forTenant("acme")).extracting(AuditRecord::reason).endsWith("nothing happened");
        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.rowId()).isEqualTo(rows.get(3).id());
            assertThat(broken.reason()).contains("hash mismatch");
        });
    }

    @Test
    void aTailRewrittenAndRelabelledAsUnkeyedRowsNoLongerVerifies() throws Exception {
        List<AuditRecord> rows = appendFive();
        // the owner may also claim the rows predate the key: unkeyed rows may only precede keyed ones
        List<AuditRecord> forged = rewrittenWithoutKey(rows.subList(3, 5), rows.get(2).hash(), "nothing happened",
                ChainHash.SHA256);

        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> store(c, forged));
        }

        assertThat(audit.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.rowId()).isEqualTo(rows.get(3).id());
            assertThat(broken.reason()).contains("unkeyed row").contains("keyed from row " + rows.get(0).id());
        });
    }

    @Test
    void withoutTheKeyVerifyRefusesTheKeyedRowsAndNeverPassesThem() throws Exception {
        List<AuditRecord> rows = appendFive();
        AuditLog keyless = new AuditLog(SqlScope.pooled(throwaway.registry().database().dataSource()),
                Optional.empty());

        ChainVerification.KeyMissing expected = new ChainVerification.KeyMissing(0, rows.get(0).id(),
                rows.get(4).id(), "AUDIT_HMAC_KEY is not set: rows #" + rows.get(0).id() + " to #" + rows.get(4).id()
                        + " (5) are keyed (HMAC-SHA256) and cannot be verified without it");
        assertThat(keyless.verify()).isEqualTo(expected);
        assertThat(keyless.verify().ok()).isFalse();

        // a row edited without touching its hash: the keyless verifier cannot tell, so it still refuses
        try (Connection admin = throwaway.adminConnection()) {
            asOwnerWithoutTrigger(admin, c -> execute(c, "UPDATE audit_log SET reason = 'edited' WHERE id = "
                    + rows.get(2).id()));
        }
        assertThat(keyless.verify()).isEqualTo(expected);
        assertThat(audit.verify()).isInstanceOf(ChainVerification.Broken.class);
    }

    @Test
    void withoutTheKeyNothingIsAppended() {
        appendFive();
        AuditLog keyless = new AuditLog(SqlScope.pooled(throwaway.registry().database().dataSource()),
                Optional.empty());

        assertThatThrownBy(() -> keyless.append(new AuditEntry("alice", "acme", "note", null, null, "six")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("AUDIT_HMAC_KEY is not set");
        assertThat(audit.forTenant("acme")).hasSize(5);
    }

    @Test
    void anotherKeyBreaksTheChainAtItsFirstKeyedRowAndSaysTheKeyMayBeWrong() {
        List<AuditRecord> rows = appendFive();
        AuditLog otherKey = new AuditLog(SqlScope.pooled(throwaway.registry().database().dataSource()),
                Optional.of(AuditKey.fromBase64(Secret.of(randomKey()))));

        assertThat(otherKey.verify()).isInstanceOfSatisfying(ChainVerification.Broken.class, broken -> {
            assertThat(broken.rowId()).isEqualTo(rows.get(0).id());
            assertThat(broken.reason()).contains("hash mismatch").contains("not the key the log was written with");
        });
    }

    @Test
    void aWriterThatPredatesTheKeyedChainIsRefusedByTheDatabase() throws Exception {
        appendFive();
        try (Connection app = throwaway.registry().database().dataSource().getConnection();
             Statement st = app.createStatement()) {
            app.setAutoCommit(true);
            // the INSERT of a tenantctl from before the keyed-chain migration (no hash_alg), then one claiming sha256
            for (String sql : List.of("INSERT INTO audit_log (at, actor, action, prev_hash, hash) "
                            + "VALUES (now(), 'old-tenantctl', 'note', 'x', 'y')",
                    "INSERT INTO audit_log (at, actor, action, prev_hash, hash, hash_alg) "
                            + "VALUES (now(), 'old-tenantctl', 'note', 'x', 'y', 'sha256')")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql)
                        .hasMessageContaining("audit_log takes keyed rows only")
                        .hasMessageContaining("predates the keyed audit chain");
            }
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void theKeyNeverAppearsInWhatTheChainShowsOrSays() {
        String key = throwaway.settings().requiredSecret(Setting.AUDIT_HMAC_KEY).reveal();
        String keyHex = java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(key.trim()));
        List<AuditRecord> rows = appendFive();
        AuditLog keyless = new AuditLog(SqlScope.pooled(throwaway.registry().database().dataSource()),
                Optional.empty());

        List<String> said = new ArrayList<>();
        rows.forEach(r -> said.add(r.toString()));
        said.add(audit.verify().toString());
        said.add(keyless.verify().toString());
        said.add(AuditKey.fromBase64(Secret.of(key)).toString());
        said.add(messageOf(() -> keyless.append(new AuditEntry("alice", "acme", "note", null, null, null))));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        said.add(messageOf(() -> AuditKey.fromBase64(Secret.of(shortKey))));
        said.add(messageOf(() -> AuditKey.fromBase64(Secret.of(key + "!not-base64"))));

        assertThat(said).noneMatch(s -> s.contains(key) || s.contains(keyHex));
        assertThat(said.get(said.size() - 2)).contains("at least 32").doesNotContain(shortKey);
        assertThat(said.get(said.size() - 1)).endsWith(": AUDIT_HMAC_KEY is not valid base64");
    }

    private List<AuditRecord> appendFive() {
        List<AuditRecord> rows = new ArrayList<>();
        for (String what : List.of("one", "two", "three", "four", "five")) {
            rows.add(audit.append(new AuditEntry("alice", "acme", "note", null, null, what)));
        }
        return rows;
    }

    private static AuditRecord relabelled(AuditRecord r, ChainHash alg) {
        return new AuditRecord(r.id(), r.at(), r.actor(), r.tenantSlug(), r.action(), r.fromState(), r.toState(),
                r.reason(), r.prevHash(), r.hash(), alg);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static String messageOf(Runnable failing) {
        try {
            failing.run();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }

    private static String randomKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
