package io.tenantprovisioning.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The registry's PostgreSQL database: migrates it (Flyway, {@code classpath:db/registry}, as the
 * admin user) and hands out connections that run as the application role {@value #APP_ROLE}.
 *
 * <p>The application role may append to the audit log but never change it. It is entered with
 * {@code SET ROLE}, which guards against application bugs rather than against someone holding the
 * admin password; the audit trigger and the hash chain cover that case.
 *
 * <p>Nothing here depends on the calling thread's context class loader: a host such as Jenkins runs
 * the engine on threads whose context loader cannot see this library. Flyway is given this class's
 * loader (it finds its PostgreSQL support and {@code classpath:db/registry} through it), and Flyway
 * and the pool are handed a {@link PGSimpleDataSource} built here rather than a JDBC URL, which they
 * would resolve to a driver through {@code DriverManager} and the context loader.
 */
public final class RegistryDatabase implements AutoCloseable {

    /** NOLOGIN role the application writes with; the admin user is granted membership. */
    public static final String APP_ROLE = "tenantctl_app";
    /** The schema that holds the registry tables (default: registry). */
    public static final String DEFAULT_SCHEMA = "registry";

    private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final int POOL_SIZE = 4;
    // every registry call has a deadline: a registry that refuses or stops answering ends the run with a
    // RegistryException naming it, instead of a thread blocked forever on a socket (issue 19, item 2)
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int SOCKET_TIMEOUT_SECONDS = 60;
    private static final long POOL_WAIT_MILLIS = 10_000;

    private final String url;
    private final String user;
    private final Secret password;
    private final String schema;
    private final HikariDataSource pool;

    private RegistryDatabase(String url, String user, Secret password, String schema, boolean migrateAlways) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        if (migrateAlways || !current()) {
            migrate();
        }
        this.pool = new HikariDataSource(poolConfig());
    }

    /** Opens and migrates the registry the settings point at, in schema REGISTRY_DB_SCHEMA ({@value #DEFAULT_SCHEMA}). */
    public static RegistryDatabase open(Settings settings) {
        return open(settings, settings.string(Setting.REGISTRY_DB_SCHEMA));
    }

    /** Opens and migrates the registry in another schema (tests use throwaway schemas). */
    public static RegistryDatabase open(Settings settings, String schema) {
        return open(settings, schema, true);
    }

    /**
     * Opens the registry for reading: when its schema history already holds every migration this build
     * ships, without running Flyway (which opens two more connections and scans the classpath: most of
     * a read command's start, issue 19); otherwise it migrates like {@link #open(Settings)}. Commands
     * that change the registry use {@link #open(Settings)}, which also validates the applied checksums.
     */
    public static RegistryDatabase openCurrent(Settings settings) {
        return open(settings, settings.string(Setting.REGISTRY_DB_SCHEMA), false);
    }

    private static RegistryDatabase open(Settings settings, String schema, boolean migrateAlways) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("registry schema '" + schema + "' must match " + SCHEMA.pattern());
        }
        String url = settings.optional(Setting.REGISTRY_DB_URL).orElseGet(() -> "jdbc:postgresql://"
                + settings.string(Setting.REGISTRY_DB_HOST) + ":" + settings.integer(Setting.REGISTRY_DB_PORT)
                + "/" + settings.string(Setting.REGISTRY_DB_NAME));
        Secret password = settings.secret(Setting.REGISTRY_DB_PASSWORD).orElse(Secret.of(""));
        return new RegistryDatabase(url, settings.string(Setting.REGISTRY_DB_USER), password, schema, migrateAlways);
    }

    /** Pooled connections running as {@value #APP_ROLE} with the registry schema on the search path. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection of its own, outside the pool, running as {@value #APP_ROLE}: for session-level
     * advisory locks, which must live exactly as long as the run that holds them.
     */
    public Connection dedicatedConnection() {
        PGSimpleDataSource ds = postgres("tenantctl-run");
        ds.setCurrentSchema(schema);
        try {
            Connection connection = ds.getConnection();
            try (Statement st = connection.createStatement()) {
                st.execute(setRoleSql());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new RegistryException("cannot open a registry connection to " + url + " as " + user, e);
        }
    }

    public String schema() {
        return schema;
    }

    /** The JDBC URL (no credentials), for messages. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Whether the schema history holds, successfully applied, every version this build ships, plus at most
     * newer ones (a newer build's, which Flyway would ignore as future migrations too).
     */
    boolean current() {
        Optional<Set<String>> shipped = ShippedMigrations.versions();
        if (shipped.isEmpty()) {
            return false;
        }
        PGSimpleDataSource ds = postgres("tenantctl-open");
        ds.setCurrentSchema(schema);
        Set<String> applied = new TreeSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false; // a failed migration: Flyway reports it
                }
                applied.add(rs.getString(1));
            }
        } catch (SQLException missingOrUnreachable) {
            return false; // Flyway creates the schema, or reports the connection problem with its context
        }
        return ShippedMigrations.satisfiedBy(shipped.get(), applied);
    }

    private void migrate() {
        try {
            Flyway.configure(RegistryDatabase.class.getClassLoader())
                    .dataSource(postgres("tenantctl-migrate"))
                    .schemas(schema)
                    .locations("classpath:db/registry")
                    .placeholders(Map.of("appRole", APP_ROLE))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new RegistryException("cannot migrate the registry at " + url + " (schema " + schema + ") as "
                    + user + ": " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()), e);
        }
    }

    private HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tenantctl-registry");
        PGSimpleDataSource ds = postgres("tenantctl");
        ds.setCurrentSchema(schema);
        config.setDataSource(ds);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_WAIT_MILLIS);
        config.setConnectionInitSql(setRoleSql());
        return config;
    }

    /** The driver's own DataSource: no DriverManager lookup, so no dependence on the context loader. */
    private PGSimpleDataSource postgres(String applicationName) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password.reveal());
        ds.setApplicationName(applicationName);
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        return ds;
    }

    private static String setRoleSql() {
        return "SET ROLE \"" + APP_ROLE + "\"";
    }
}
