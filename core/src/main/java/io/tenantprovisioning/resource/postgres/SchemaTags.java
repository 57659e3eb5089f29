package io.tenantprovisioning.resource.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a tenant schema's tags (the ownership marker and chargeback tags) live: the admin-only table
 * {@value #TABLE} in the tenant database, one JSON row per schema. They used to be the schema's COMMENT,
 * which every role reads through the catalog ({@code obj_description}), so each tenant saw every other
 * tenant's cost center and request id. Schema {@value #SCHEMA} belongs to the admin and grants nothing
 * to anyone. A schema still carrying the old comment is read from it until configure moves the tags
 * here (and drops the comment).
 */
final class SchemaTags {

    static final String SCHEMA = "tenantctl";
    static final String TABLE = SCHEMA + ".schema_tags";
    /** Serializes the one-time creation of the table between concurrent drivers (any constant will do). */
    private static final long BOOTSTRAP_LOCK = 0x7465_6e61_6e74_7467L;

    private SchemaTags() {
    }

    /** Creates the table once; commits on its own, so a later rollback of the caller keeps it. */
    static void ensureTable(Connection c) throws SQLException {
        if (tablePresent(c)) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("select pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")");
            st.execute("create schema if not exists " + SCHEMA + " authorization current_user");
            st.execute("revoke all on schema " + SCHEMA + " from public");
            st.execute("create table if not exists " + TABLE + " (schema_name name primary key, "
                    + "tags jsonb not null, updated_at timestamptz not null default now())");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Writes the tags (in the caller's transaction) and drops a tag comment an older version left. */
    static void write(Connection c, SqlIdentifier schema, Map<String, String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE + " (schema_name, tags) "
                + "values (?, ?::jsonb) on conflict (schema_name) do update set tags = excluded.tags, updated_at = now()")) {
            ps.setString(1, schema.name());
            ps.setString(2, SchemaComment.encode(tags));
            ps.executeUpdate();
        }
        if (TenantCatalog.schema(c, schema.name()).map(TenantCatalog.SchemaRow::comment).isPresent()) {
            try (Statement st = c.createStatement()) {
                st.execute("comment on schema " + schema.quoted() + " is null");
            }
        }
    }

    /** The schema's tags: its row here, else an older version's comment, else none. */
    static Map<String, String> read(Connection c, String schema, String legacyComment) throws SQLException {
        Optional<String> row = Optional.empty();
        if (tablePresent(c)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select tags::text from " + TABLE + " where schema_name = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    row = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }
        return SchemaComment.decode(row.orElse(legacyComment));
    }

    /** Every row's tags by schema name (for the sweep's listing); empty before the table exists. */
    static Map<String, Map<String, String>> all(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (tablePresent(c)) {
            try (PreparedStatement ps = c.prepareStatement("select schema_name, tags::text from " + TABLE);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), SchemaComment.decode(rs.getString(2)));
                }
            }
        }
        return out;
    }

    static void delete(Connection c, SqlIdentifier schema) throws SQLException {
        if (tablePresent(c)) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + TABLE + " where schema_name = ?")) {
                ps.setString(1, schema.name());
                ps.executeUpdate();
            }
        }
    }

    private static boolean tablePresent(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
