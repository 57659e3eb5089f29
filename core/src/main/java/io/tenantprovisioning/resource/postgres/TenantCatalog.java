package io.tenantprovisioning.resource.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only queries on the PostgreSQL catalog about tenant schemas and roles (values always bound). */
final class TenantCatalog {

    /** {@code LIKE} pattern of every tenant schema and role name: {@code t_} then anything. */
    static final String NAME_PATTERN = "t\\_%";

    private TenantCatalog() {
    }

    /** A schema's OID and comment, when it exists. */
    record SchemaRow(long oid, String comment) {
    }

    /** A role's OID and the attributes that matter for isolation. */
    record RoleRow(long oid, boolean superuser, boolean bypassRls) {
    }

    static Optional<SchemaRow> schema(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select n.oid, obj_description(n.oid, 'pg_namespace') from pg_namespace n where n.nspname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SchemaRow(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    static Optional<RoleRow> role(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select oid, rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new RoleRow(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /** Every schema named like a tenant schema, with its comment, by name. */
    static Map<String, String> tenantSchemas(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select n.nspname, obj_description(n.oid, 'pg_namespace') "
                + "from pg_namespace n where n.nspname like ? order by n.nspname")) {
            ps.setString(1, NAME_PATTERN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Roles named like a tenant role that have no schema of the same name in this database. */
    static List<String> rolesWithoutSchema(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select r.rolname from pg_roles r where r.rolname like ? "
                + "and not exists (select 1 from pg_namespace n where n.nspname = r.rolname) order by r.rolname")) {
            ps.setString(1, NAME_PATTERN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** True when PUBLIC may still create objects in schema {@code public}. */
    static boolean publicMayCreate(Connection c) throws SQLException {
        return queryBoolean(c, "select has_schema_privilege('public', 'public', 'CREATE')", null);
    }

    /** True when the role holds a direct grant of its own on schema {@code public}. */
    static boolean roleHasGrantOnPublic(Connection c, String role) throws SQLException {
        return queryBoolean(c, "select exists (select 1 from pg_namespace n, aclexplode(n.nspacl) a "
                + "join pg_roles r on r.oid = a.grantee where n.nspname = 'public' and r.rolname = ?)", role);
    }

    private static boolean queryBoolean(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
