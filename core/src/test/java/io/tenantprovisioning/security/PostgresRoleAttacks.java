package io.tenantprovisioning.security;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.postgres.SqlIdentifier;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.resource.postgres.TenantWork;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one tenant's own PostgreSQL role tries on the real server. Row attempts run in transactions that
 * are rolled back ({@link TenantDatabase#attempt}): what counts is whether the server accepted the
 * statement, and nothing is left behind either way.
 */
final class PostgresRoleAttacks implements AutoCloseable {

    /** Insufficient privilege (also RLS), check and not-null violations, too many connections. */
    private static final Set<String> REFUSALS = Set.of("42501", "23514", "23502", "53300");

    /** Where the admin keeps every tenant schema's tags since issue #15 item 10 (not in a schema comment). */
    private static final String TAGS_TABLE = "tenantctl.schema_tags";

    private final TenantDatabase database;

    PostgresRoleAttacks(TenantAccess tenant) {
        this.database = TenantDatabase.of(tenant);
    }

    /** Writes and reads back a row of its own, claiming its own id as the application does. */
    Answer ownRows() {
        return attempt("INSERT and SELECT in " + database.schema() + " as " + database.slug(),
                database.slug().value(), c -> {
                    insertDocument(c, null);
                    return "sees " + count(c, database.schema()) + " row(s)";
                });
    }

    /** Reads another tenant's documents, claiming that tenant's id. */
    Answer readRows(Slug other, SqlIdentifier otherSchema) {
        return attempt("SELECT from " + otherSchema.qualify("documents"), other.value(),
                c -> count(c, otherSchema) + " row(s)");
    }

    /**
     * With {@code app.tenant_id} set to '' (the tenant sets it itself): the row used to get
     * {@code tenant_id = ''}, passed the policy, and was missed by an export reading as the tenant.
     */
    Answer rowWithoutTenantId() {
        return attempt("INSERT with app.tenant_id='' into " + database.schema().qualify("documents"), "",
                c -> insertDocument(c, null));
    }

    /** A row in its own schema labelled with another tenant's id (claimed for the occasion). */
    Answer rowLabelledForAnotherTenant(Slug other) {
        return attempt("INSERT of a row labelled '" + other + "' into " + database.schema().qualify("documents"),
                other.value(), c -> insertDocument(c, other.value()));
    }

    /**
     * Opens connections as the role, one more than {@code limit}, all held at once: with no connection
     * limit one tenant could take every connection of the server.
     */
    Answer connections(TenantAccess tenant, int limit) {
        List<TenantDatabase> open = new ArrayList<>();
        try {
            for (int i = 1; i <= limit + 1; i++) {
                TenantDatabase connection = TenantDatabase.of(tenant);
                open.add(connection);
                connection.attempt(tenant.slug().value(), c -> "connected");
            }
            return Answer.allowed((limit + 1) + " connections held at once");
        } catch (SQLException e) {
            String answer = "connection " + open.size() + " of " + (limit + 1) + ": [" + e.getSQLState() + "] "
                    + e.getMessage();
            return REFUSALS.contains(e.getSQLState()) ? Answer.refused(answer) : Answer.allowed(answer);
        } finally {
            open.forEach(TenantDatabase::close);
        }
    }

    /** Another tenant's tags (its cost center, request id), wherever the platform keeps them. */
    Answer readTags(SqlIdentifier otherSchema) {
        Answer comment = attempt("the comment of schema " + otherSchema, null, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select obj_description(oid, 'pg_namespace') from pg_namespace where nspname = ?")) {
                ps.setString(1, otherSchema.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? rs.getString(1) : null;
                }
            }
        });
        if (!comment.refused() && !comment.detail().endsWith(": null")) {
            return comment;
        }
        return attempt("SELECT from " + TAGS_TABLE, null, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from " + TAGS_TABLE);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + " tag row(s)";
            }
        });
    }

    @Override
    public void close() {
        database.close();
    }

    private String insertDocument(java.sql.Connection c, String tenantId) throws SQLException {
        String sql = tenantId == null
                ? "insert into " + database.schema().qualify("documents") + " (title, body) values ('probe', 'probe')"
                : "insert into " + database.schema().qualify("documents") + " (tenant_id, title, body) values (?, 'probe', 'probe')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenantId != null) {
                ps.setString(1, tenantId);
            }
            return ps.executeUpdate() + " row(s) written";
        }
    }

    private static long count(java.sql.Connection c, SqlIdentifier schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + schema.qualify("documents"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Answer attempt(String what, String claimedTenantId, TenantWork<String> work) {
        try {
            return Answer.allowed(what + ": " + database.attempt(claimedTenantId, work));
        } catch (SQLException e) {
            String answer = what + ": [" + e.getSQLState() + "] " + e.getMessage();
            return REFUSALS.contains(e.getSQLState()) ? Answer.refused(answer) : Answer.allowed(answer);
        }
    }
}
