package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.postgres.SqlIdentifier;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.resource.postgres.TenantWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * As tenant A's own role, tries to read, insert, update and delete tenant B's rows (claiming A's and then
 * B's tenant id), checks that RLS still scopes A's own tables when A claims B's id, that A cannot write
 * rows into its own tables that do not carry its own id (no id claimed, or B's), and that A's role has
 * no superuser/BYPASSRLS/CREATEDB/CREATEROLE, no membership, no CREATE on {@code public}, no USAGE on
 * B's schema and owns nothing. B gets a few committed probe rows first (so "0 rows" means filtered, not
 * empty), removed afterwards; every attempt by A runs in a transaction that is rolled back.
 */
public final class PostgresIsolationProbe implements IsolationProbe {

    static final List<String> TABLES = List.of("documents", "chunks", "query_log");
    /**
     * What a refused statement answers: privileges or RLS (42501), or, for a row that does not carry the
     * tenant's own id, the not-null (23502) or check (23514) constraint on {@code tenant_id}.
     */
    private static final Set<String> REFUSALS = Set.of("42501", "23502", "23514");

    @Override
    public String backend() {
        return "postgres";
    }

    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) throws SQLException {
        List<String> out = new ArrayList<>();
        try (TenantDatabase a = TenantDatabase.of(self); TenantDatabase b = TenantDatabase.of(other)) {
            ProbeRows seeded = seed(b);
            try {
                for (String claimed : List.of(a.slug().value(), b.slug().value())) {
                    for (String table : TABLES) {
                        crossTenantAttempts(a, b, claimed, table, seeded, out);
                    }
                }
            } finally {
                unseed(b, seeded);
            }
            ownRowsScoped(a, b.slug().value(), out);
            rowsWithoutOwnIdRefused(a, b.slug().value(), out);
            new PostgresRoleAudit(a, b.schema(), self.tierConfig().postgresConnectionLimit()).findProblems(out);
        }
        return out;
    }

    /** Ids of the rows committed in B's tables for the duration of the probe. */
    private record ProbeRows(long documentId, long queryLogId) {
    }

    private static ProbeRows seed(TenantDatabase b) throws SQLException {
        String marker = "isolation-probe " + UUID.randomUUID();
        return b.inTransaction(c -> {
            long doc = insertReturningId(c, "insert into " + b.schema().qualify("documents")
                    + " (title, body) values (?, 'isolation probe') returning id", marker);
            try (PreparedStatement ps = c.prepareStatement("insert into " + b.schema().qualify("chunks")
                    + " (document_id, ordinal, content) values (?, 0, 'isolation probe')")) {
                ps.setLong(1, doc);
                ps.executeUpdate();
            }
            long log = insertReturningId(c, "insert into " + b.schema().qualify("query_log")
                    + " (question, latency_ms) values (?, 0) returning id", marker);
            return new ProbeRows(doc, log);
        });
    }

    private static void unseed(TenantDatabase b, ProbeRows rows) throws SQLException {
        b.inTransaction(c -> {
            try (PreparedStatement doc = c.prepareStatement("delete from " + b.schema().qualify("documents")
                    + " where id = ?");
                 PreparedStatement log = c.prepareStatement("delete from " + b.schema().qualify("query_log")
                         + " where id = ?")) {
                doc.setLong(1, rows.documentId());
                log.setLong(1, rows.queryLogId());
                return doc.executeUpdate() + log.executeUpdate();
            }
        });
    }

    private static void crossTenantAttempts(TenantDatabase a, TenantDatabase b, String claimed, String table,
                                            ProbeRows seeded, List<String> out) throws SQLException {
        String target = b.schema().qualify(table);
        String who = "as " + a.role() + " with app.tenant_id='" + claimed + "'";
        report(out, who + ": SELECT on " + target, attempt(a, claimed, c -> count(c, "select count(*) from " + target)));
        report(out, who + ": UPDATE on " + target,
                attempt(a, claimed, c -> update(c, "update " + target + " set tenant_id = tenant_id")));
        report(out, who + ": DELETE on " + target, attempt(a, claimed, c -> update(c, "delete from " + target)));
        String insert = insertInto(target, table);
        String victim = b.slug().value();
        report(out, who + ": INSERT into " + target, attempt(a, claimed, c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, victim);
                if ("chunks".equals(table)) {
                    ps.setLong(2, seeded.documentId());
                }
                return (long) ps.executeUpdate();
            }
        }));
    }

    private static String insertInto(String target, String table) {
        switch (table) {
            case "documents":
                return "insert into " + target + " (tenant_id, title, body) values (?, 'isolation probe', 'probe')";
            case "chunks":
                return "insert into " + target + " (tenant_id, document_id, ordinal, content) values (?, ?, 999999, 'probe')";
            default:
                return "insert into " + target + " (tenant_id, question, latency_ms) values (?, 'isolation probe', 0)";
        }
    }

    /**
     * In A's own schema: rows A wrote must vanish once A claims B's id (or no id), must not be updatable
     * then, and A must not be able to write rows labelled with its own id while claiming B's.
     */
    private static void ownRowsScoped(TenantDatabase a, String otherId, List<String> out) throws SQLException {
        SqlIdentifier schema = a.schema();
        String self = a.slug().value();
        for (String claimed : new String[] {otherId, ""}) {
            String who = "as " + a.role() + " with app.tenant_id='" + claimed + "'";
            long visible = a.attempt(self, c -> {
                insertOwnRows(c, schema);
                claim(c, claimed);
                long n = 0;
                for (String table : TABLES) {
                    n += count(c, "select count(*) from " + schema.qualify(table) + " where tenant_id = ?", self);
                }
                return n;
            });
            if (visible > 0) {
                out.add(who + ": " + visible + " of " + a.role() + "'s own rows stay visible in " + schema
                        + " (RLS does not scope by app.tenant_id)");
            }
            long updated = a.attempt(self, c -> {
                insertOwnRows(c, schema);
                claim(c, claimed);
                return update(c, "update " + schema.qualify("documents") + " set title = title");
            });
            if (updated > 0) {
                out.add(who + ": UPDATE on " + schema.qualify("documents") + " changed " + updated
                        + " rows of tenant " + self);
            }
        }
        report(out, "as " + a.role() + " with app.tenant_id='" + otherId + "': INSERT of a row labelled '" + self
                + "' into " + schema.qualify("documents") + " (WITH CHECK)", attempt(a, otherId, c -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into " + schema.qualify("documents")
                            + " (tenant_id, title, body) values (?, 'isolation probe', 'probe')")) {
                        ps.setString(1, self);
                        return (long) ps.executeUpdate();
                    }
                }));
    }

    /**
     * In A's own schema, rows an export reading as A would miss and offboarding would then drop: written
     * with no id claimed ('' or unset) or labelled with B's id while claiming it. Each must be refused.
     */
    private static void rowsWithoutOwnIdRefused(TenantDatabase a, String otherId, List<String> out)
            throws SQLException {
        for (String table : List.of("documents", "query_log")) {
            String target = a.schema().qualify(table);
            String unlabelled = "documents".equals(table)
                    ? "insert into " + target + " (title, body) values ('isolation probe', 'probe')"
                    : "insert into " + target + " (question, latency_ms) values ('isolation probe', 0)";
            for (String claimed : new String[] {"", null}) {
                String who = "as " + a.role() + " with app.tenant_id " + (claimed == null ? "unset" : "''");
                report(out, who + ": INSERT into " + target + " without a tenant_id",
                        attempt(a, claimed, c -> update(c, unlabelled)));
            }
            String labelled = insertInto(target, table);
            report(out, "as " + a.role() + " with app.tenant_id='" + otherId + "': INSERT of a row labelled '"
                    + otherId + "' into " + target, attempt(a, otherId, c -> {
                        try (PreparedStatement ps = c.prepareStatement(labelled)) {
                            ps.setString(1, otherId);
                            return (long) ps.executeUpdate();
                        }
                    }));
        }
    }

    private static void insertOwnRows(Connection c, SqlIdentifier schema) throws SQLException {
        long doc = insertReturningId(c, "insert into " + schema.qualify("documents")
                + " (title, body) values (?, 'probe') returning id", "isolation probe");
        try (PreparedStatement ps = c.prepareStatement("insert into " + schema.qualify("chunks")
                + " (document_id, ordinal, content) values (?, 0, 'probe')")) {
            ps.setLong(1, doc);
            ps.executeUpdate();
        }
        insertReturningId(c, "insert into " + schema.qualify("query_log")
                + " (question, latency_ms) values (?, 0) returning id", "isolation probe");
    }

    /** What one attempt did: refused by privileges/RLS, reached {@code rows} rows, or failed otherwise. */
    record Outcome(boolean refused, long rows, String otherError) {
    }

    /** Runs the attempt in a rolled-back transaction and classifies the result. */
    static Outcome attempt(TenantDatabase db, String claimed, TenantWork<Long> work) throws SQLException {
        try {
            return new Outcome(false, db.attempt(claimed, work), null);
        } catch (SQLException e) {
            if (REFUSALS.contains(e.getSQLState())) {
                return new Outcome(true, 0, null);
            }
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState()) || e.getSQLState() == null
                    || e.getSQLState().startsWith("08")) {
                // missing table/schema or a broken connection: the probe cannot conclude anything
                throw new SQLException("postgres isolation probe inconclusive: " + e.getMessage(), e.getSQLState(), e);
            }
            return new Outcome(false, 0, "[" + e.getSQLState() + "] " + e.getMessage());
        }
    }

    /** Adds a violation when the attempt was neither refused nor reached zero rows. */
    static void report(List<String> out, String what, Outcome outcome) {
        if (outcome.refused()) {
            return;
        }
        if (outcome.otherError() != null) {
            out.add(what + " was not refused by privileges or RLS (it failed later: " + outcome.otherError() + ")");
        } else if (outcome.rows() > 0) {
            out.add(what + " succeeded on " + outcome.rows() + " row(s)");
        }
    }

    private static void claim(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenantId);
            ps.executeQuery().close();
        }
    }

    /** The single number a query returns, with its string parameters bound in order. */
    static long count(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }

    private static long insertReturningId(Connection c, String sql, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
