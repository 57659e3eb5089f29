package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code pg} backend: one row per workspace in {@code <schemaName>.states} of a PostgreSQL
 * database (the registry database by default). The backend creates its schema and table on first use
 * and its id sequence in {@code public}, so the role needs CREATE on {@code public} or must own the
 * database (tenantctl_admin owns the registry database). Locks are session advisory locks.
 *
 * @param sslMode libpq sslmode as OpenTofu's driver (lib/pq) accepts it: disable, require,
 *                verify-ca, verify-full
 */
public record PgBackend(String host, int port, String database, String user, Secret password, String schemaName,
                        String sslMode) implements BackendConfig {

    public static final String DEFAULT_SCHEMA = "terraform_state";
    private static final Set<String> SSL_MODES = Set.of("disable", "require", "verify-ca", "verify-full");

    public PgBackend {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (schemaName == null || !schemaName.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("pg backend schema_name '" + schemaName
                    + "' must be a lower-case SQL identifier");
        }
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("pg backend sslmode '" + sslMode + "' must be one of " + SSL_MODES);
        }
    }

    /**
     * The registry database from settings (REGISTRY_DB_HOST/PORT/NAME/USER/PASSWORD), TLS off only for
     * a loopback host.
     */
    public static PgBackend fromSettings(Settings settings, String schemaName) {
        String host = settings.string(Setting.REGISTRY_DB_HOST);
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        return new PgBackend(host, settings.integer(Setting.REGISTRY_DB_PORT),
                settings.string(Setting.REGISTRY_DB_NAME), settings.string(Setting.REGISTRY_DB_USER),
                settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD), schemaName, loopback ? "disable" : "require");
    }

    @Override
    public String type() {
        return "pg";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema_name", schemaName);
        return s;
    }

    @Override
    public Map<String, Secret> secretEnvironment() {
        return Map.of("PG_CONN_STR", connectionString());
    }

    @Override
    public List<Secret> masked() {
        return List.of(connectionString(), password, Secret.of(encode(password.reveal())));
    }

    @Override
    public LockInspector lockInspector() {
        return new PgLockInspector("jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database, user, password,
                schemaName);
    }

    /** {@code postgres://user:pw@host:port/db?sslmode=…}: contains the password, hence a Secret. */
    public Secret connectionString() {
        return Secret.of("postgres://" + encode(user) + ":" + encode(password.reveal()) + "@" + hostForUrl() + ":"
                + port + "/" + encode(database) + "?sslmode=" + sslMode
                + "&application_name=" + encode("tofu (tenantctl)"));
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Percent-encoding for URL user, password and path parts ('+' would be read as a plus sign). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
