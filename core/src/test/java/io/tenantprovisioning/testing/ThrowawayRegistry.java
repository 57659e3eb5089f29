package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RegistryDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A registry migrated from empty into a schema of its own on the real local PostgreSQL, dropped
 * again on close. The admin role may not create databases, so a schema is the unit of isolation;
 * tests that tamper with the audit log never touch the shared registry.
 */
public final class ThrowawayRegistry implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final String schema;
    private final Registry registry;

    private ThrowawayRegistry(Settings settings, String schema) {
        this.settings = settings;
        this.schema = schema;
        this.registry = new Registry(RegistryDatabase.open(settings, schema));
    }

    public static ThrowawayRegistry create() {
        return new ThrowawayRegistry(TestServices.settings(), "registry_test_" + Long.toString(
                RANDOM.nextLong() & Long.MAX_VALUE, 36));
    }

    public Registry registry() {
        return registry;
    }

    public String schema() {
        return schema;
    }

    public Settings settings() {
        return settings;
    }

    /** A connection as the admin role (the tables' owner), outside the application role. */
    public Connection adminConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.string(Setting.REGISTRY_DB_USER));
        props.setProperty("password", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
        props.setProperty("currentSchema", schema);
        return DriverManager.getConnection(registry.database().url(), props);
    }

    @Override
    public void close() throws SQLException {
        registry.close();
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
        }
    }
}
