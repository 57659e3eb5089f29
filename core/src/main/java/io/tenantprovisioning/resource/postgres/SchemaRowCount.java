package io.tenantprovisioning.resource.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of a tenant schema's tables, counted by the admin whatever its {@code tenant_id}: what an
 * export must have copied before offboarding may drop the schema.
 *
 * <p>FORCE ROW LEVEL SECURITY binds the owner too, and the admin has no policy (and is not BYPASSRLS), so
 * a plain count sees nothing. The admin owns every table, and an owner is exempt from RLS unless it is
 * forced; so the count lifts FORCE inside one transaction that is always rolled back. Nothing gives the
 * admin standing access to tenant rows, and no other session ever sees the table without FORCE: the
 * ALTER's lock holds every tenant statement until the rollback (lock_timeout bounds the wait for it).
 */
final class SchemaRowCount {

    private SchemaRowCount() {
    }

    /** Rows per table (Flyway's history table is the admin's bookkeeping, not tenant data), by name. */
    static Map<String, Long> count(Connection c, SqlIdentifier schema) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("set local lock_timeout = '10s'");
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables(c, schema)) {
                String qualified = schema.qualify(table);
                st.execute("alter table " + qualified + " no force row level security");
                try (ResultSet rs = st.executeQuery("select count(*) from " + qualified)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
            return rows;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<String> tables(Connection c, SqlIdentifier schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select c.relname from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> ? "
                + "order by c.relname")) {
            ps.setString(1, schema.name());
            ps.setString(2, TenantMigrations.HISTORY_TABLE);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }
}
