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
 * USAGE on another tenant's schema, and objects it owns (an owner can switch RLS off).
 */
final class PostgresRoleAudit {

    private static final String[] FLAGS = {"SUPERUSER", "BYPASSRLS", "CREATEROLE", "CREATEDB", "REPLICATION"};
    private static final String CURRENT_ROLE_OID = "(select oid from pg_roles where rolname = current_user)";

    private final TenantDatabase self;
    private final SqlIdentifier otherSchema;

    PostgresRoleAudit(TenantDatabase self, SqlIdentifier otherSchema) {
        this.self = self;
        this.otherSchema = otherSchema;
    }

    void findProblems(List<String> out) throws SQLException {
        out.addAll(self.attempt(null, c -> {
            List<String> found = new ArrayList<>();
            flags(c, found);
            memberships(c, found);
            ownershipAndReach(c, found);
            return found;
        }));
        createOnPublic(out);
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
