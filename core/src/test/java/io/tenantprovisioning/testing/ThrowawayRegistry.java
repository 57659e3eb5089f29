package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.registry.AuditKey;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RegistryDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

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
        this.registry = new Registry(RegistryDatabase.open(settings, schema), AuditKey.fromSettings(settings));
    }

    public static ThrowawayRegistry create() {
        return new ThrowawayRegistry(TestServices.settings(), newSchemaName());
    }

    /** What a test does to a registry at an older migration, as the admin role, before it is upgraded. */
    @FunctionalInterface
    public interface AtVersion {
        void run(Connection admin) throws SQLException;
    }

    /**
     * A registry migrated only up to {@code version}, given to {@code before} (as the admin role, the
     * schema current), then opened like any registry: which migrates it to the latest version.
     * Upgrade tests write rows the way an older tenantctl did and check what the new one makes of them.
     */
    public static ThrowawayRegistry upgradedFrom(String version, AtVersion before) throws SQLException {
        Settings settings = TestServices.settings();
        String schema = newSchemaName();
        String url = settings.optional(Setting.REGISTRY_DB_URL).orElseGet(() -> "jdbc:postgresql://"
                + settings.string(Setting.REGISTRY_DB_HOST) + ":" + settings.string(Setting.REGISTRY_DB_PORT) + "/"
                + settings.string(Setting.REGISTRY_DB_NAME));
        Flyway.configure()
                .dataSource(url, settings.string(Setting.REGISTRY_DB_USER),
                        settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal())
                .schemas(schema)
                .locations("classpath:db/registry")
                .placeholders(Map.of("appRole", RegistryDatabase.APP_ROLE))
                .target(version)
                .load()
                .migrate();
        try (Connection admin = adminConnection(settings, url, schema)) {
            before.run(admin);
            return new ThrowawayRegistry(settings, schema);
        } catch (SQLException | RuntimeException e) {
            try (Connection admin = adminConnection(settings, url, schema); Statement st = admin.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            }
            throw e;
        }
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
        return adminConnection(settings, registry.database().url(), schema);
    }

    @Override
    public void close() throws SQLException {
        registry.close();
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
        }
    }

    private static String newSchemaName() {
        return "registry_test_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    private static Connection adminConnection(Settings settings, String url, String schema) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.string(Setting.REGISTRY_DB_USER));
        props.setProperty("password", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal());
        props.setProperty("currentSchema", schema);
        return DriverManager.getConnection(url, props);
    }
}
