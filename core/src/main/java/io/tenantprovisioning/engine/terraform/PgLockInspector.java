package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Finds who holds a {@code pg} backend lock. The backend takes session-level
 * {@code pg_try_advisory_lock(<states.id>)} on the workspace's row (and, while creating a workspace, a
 * lock keyed on a hash of schema and table) and records nothing else, so the holder is the session
 * that {@code pg_locks} shows holding that advisory key. A bigint advisory key appears there as
 * classid = high 32 bits, objid = low 32 bits, objsubid = 1.
 */
final class PgLockInspector implements LockInspector {

    private static final String STATES_TABLE = "states";
    private static final String HOLDERS = "SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''),"
            + " coalesce(host(a.client_addr), ''),"
            + " coalesce(to_char(a.backend_start, 'YYYY-MM-DD\"T\"HH24:MI:SSOF'), ''),"
            + " coalesce(a.state, '') FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ? ORDER BY a.pid";

    private final String jdbcUrl;
    private final String user;
    private final Secret password;
    private final String schemaName;

    PgLockInspector(String jdbcUrl, String user, Secret password, String schemaName) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schemaName = schemaName;
    }

    @Override
    public String backendType() {
        return "pg";
    }

    @Override
    public boolean supportsForceUnlock() {
        return false;
    }

    @Override
    public List<LockHolder> holders(String workspace) {
        // the driver's DataSource, not DriverManager: DriverManager discovers drivers through the
        // thread's context class loader, which a host such as Jenkins points away from this library
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password.reveal());
        ds.setApplicationName("tenantctl lock inspection");
        ds.setConnectTimeout(10);
        ds.setLoginTimeout(10);
        ds.setSocketTimeout(30);
        try (Connection c = ds.getConnection()) {
            List<LockHolder> holders = new ArrayList<>();
            Long rowId = stateRowId(c, workspace);
            if (rowId != null) {
                holders.addAll(holdersOf(c, rowId));
            }
            holders.addAll(holdersOf(c, creationLockKey(schemaName, STATES_TABLE)));
            return holders;
        } catch (SQLException e) {
            return List.of(); // the caller reports "holder unknown"; this lookup must not mask the lock error
        }
    }

    private Long stateRowId(Connection c, String workspace) throws SQLException {
        String sql = "SELECT id FROM \"" + schemaName.replace("\"", "\"\"") + "\".\"" + STATES_TABLE
                + "\" WHERE name = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, workspace);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            return null; // no state table yet: only the creation lock can be held
        }
    }

    private static List<LockHolder> holdersOf(Connection c, long key) throws SQLException {
        List<LockHolder> holders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HOLDERS)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return holders;
    }

    /** OpenTofu ≥1.10's creation lock: -(FNV-1 32-bit hash of schema + NUL + table). */
    static long creationLockKey(String schema, String table) {
        int hash = 0x811c9dc5;
        for (byte b : (schema + "\0" + table).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash *= 0x01000193;
            hash ^= b & 0xff;
        }
        return -Integer.toUnsignedLong(hash);
    }
}
