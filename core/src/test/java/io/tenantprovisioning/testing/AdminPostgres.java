package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Tests' own admin connection to the tenant database, to inspect the catalog or break isolation on purpose. */
public final class AdminPostgres {

    private AdminPostgres() {
    }

    public static Connection connect() throws SQLException {
        return connect(TestServices.settings().string(Setting.TENANT_DB_NAME));
    }

    /** The admin role on another database of the same server (the registry, say). */
    public static Connection connect(String database) throws SQLException {
        Settings s = TestServices.settings();
        return DriverManager.getConnection("jdbc:postgresql://" + s.string(Setting.REGISTRY_DB_HOST) + ":"
                        + s.string(Setting.REGISTRY_DB_PORT) + "/" + database,
                s.string(Setting.REGISTRY_DB_USER), s.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
    }

    /** Runs statements as the admin, each in autocommit. */
    public static void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** The first column of the first row of a query with one bound string parameter (or none). */
    public static Object queryValue(String sql, String... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
