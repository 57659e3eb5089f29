package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.postgres.SqlIdentifier;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What tenant A's role may do beyond its own tables, asked as that role: attributes that bypass RLS or
 * reach other databases, memberships that lend another role's privileges, CREATE on {@code public},
 * USAGE on another tenant's schema, objects it owns (an owner can switch RLS off), more connections than
 * its tier allows (one tenant could take the whole server's), and another tenant's tags (the schema's
 * comment, or the admin's tags table).
 */
final class PostgresRoleAudit {

    private static final String[] FLAGS = {"SUPERUSER", "BYPASSRLS", "CREATEROLE", "CREATEDB", "REPLICATION"};
    private static final String CURRENT_ROLE_OID = "(select oid from pg_roles where rolname = current_user)";

    /** The admin's table of every tenant schema's tags (see resource.postgres.SchemaTags). */
    private static final String TAGS_TABLE = "tenantctl.schema_tags";

    private final TenantDatabase self;
    private final SqlIdentifier otherSchema;
    private final int connectionLimit;

    PostgresRoleAudit(TenantDatabase self, SqlIdentifier otherSchema, int connectionLimit) {
        this.self = self;
        this.otherSchema = otherSchema;
        this.connectionLimit = connectionLimit;
    }

    void findProblems(List<String> out) throws SQLException {
        out.addAll(self.attempt(null, c -> {
            List<String> found = new ArrayList<>();
            flags(c, found);
            memberships(c, found);
            ownershipAndReach(c, found);
            connectionLimit(c, found);
            otherTagsComment(c, found);
            return found;
        }));
        createOnPublic(out);
        readTagsTable(out);
    }

    /** Tried for real: the admin's tags table must refuse the tenant role (no USAGE on its schema). */
    private void readTagsTable(List<String> out) throws SQLException {
        String what = "as " + self.role() + ": SELECT from " + TAGS_TABLE + " (every tenant's tags)";
        PostgresIsolationProbe.report(out, what,
                PostgresIsolationProbe.attempt(self, null,
                        c -> PostgresIsolationProbe.count(c, "select count(*) from " + TAGS_TABLE)));
    }

    /** rolconnlimit -1 is no limit at all. */
    private void connectionLimit(Connection c, List<String> found) throws SQLException {
        long limit = PostgresIsolationProbe.count(c, "select rolconnlimit from pg_roles where rolname = current_user");
        if (limit < 0 || limit > connectionLimit) {
            found.add("role " + self.role() + " may hold " + (limit < 0 ? "any number of" : Long.toString(limit))
                    + " connections; its tier allows " + connectionLimit);
        }
    }

    /** The catalog shows every schema's comment to every role: it must not hold another tenant's tags. */
    private void otherTagsComment(Connection c, List<String> found) throws SQLException {
        if (PostgresIsolationProbe.count(c, "select count(*) from pg_namespace where nspname = ? "
                + "and obj_description(oid, 'pg_namespace') is not null", otherSchema.name()) > 0) {
            found.add("role " + self.role() + " reads the comment of schema " + otherSchema + " of another tenant"
                    + " (tags belong in " + TAGS_TABLE + ")");
        }
    }

    private void flags(Connection c, List<String> found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, "
                + "rolreplication from pg_roles where rolname = current_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (int i = 0; i < FLAGS.length; i++) {
                if (rs.getBoolean(i + 1)) {
                    found.add("role " + self.role() + " has " + FLAGS[i]);
                }
            }
        }
    }

    private void memberships(Connection c, List<String> found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select r.rolname from pg_auth_members m "
                + "join pg_roles r on r.oid = m.roleid where m.member = " + CURRENT_ROLE_OID + " order by 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add("role " + self.role() + " is a member of role " + rs.getString(1) + " and can use its privileges");
            }
        }
    }

    private void ownershipAndReach(Connection c, List<String> found) throws SQLException {
        String role = self.role();
        if (PostgresIsolationProbe.count(c, "select count(*) from pg_class where relowner = " + CURRENT_ROLE_OID) > 0) {
            found.add("role " + role + " owns tables or other relations (an owner can disable their RLS)");
        }
        if (PostgresIsolationProbe.count(c, "select count(*) from pg_namespace where nspowner = " + CURRENT_ROLE_OID) > 0) {
            found.add("role " + role + " owns a schema");
        }
        if (PostgresIsolationProbe.count(c, "select count(*) from pg_namespace where nspname = ? "
                + "and has_schema_privilege(current_user, oid, 'USAGE')", otherSchema.name()) > 0) {
            found.add("role " + role + " has USAGE on schema " + otherSchema + " of another tenant");
        }
    }

    /** Tried for real, in a rolled-back transaction: what counts is what the server actually lets A do. */
    private void createOnPublic(List<String> out) throws SQLException {
        String table = "public." + new SqlIdentifier("isolation_probe_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).quoted();
        PostgresIsolationProbe.report(out, "as " + self.role() + ": CREATE TABLE " + table + " in schema public",
                PostgresIsolationProbe.attempt(self, null, c -> {
                    try (PreparedStatement ps = c.prepareStatement("create table " + table + " (x int)")) {
                        ps.execute();
                        return 1L;
                    }
                }));
    }
}
