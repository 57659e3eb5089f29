package io.tenantprovisioning.resource.postgres;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;

/** Where the tenant database lives: host, port and database name (TENANT_DB_NAME on the registry server). */
public record PostgresEndpoint(String host, int port, String database) {

    public PostgresEndpoint {
        if (host == null || host.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL endpoint needs a host and a database");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("PostgreSQL port must be 1-65535, got " + port);
        }
    }

    /** The tenant database on the registry server: REGISTRY_DB_HOST/PORT and TENANT_DB_NAME. */
    public static PostgresEndpoint tenantData(Settings settings) {
        return new PostgresEndpoint(settings.string(Setting.REGISTRY_DB_HOST),
                settings.integer(Setting.REGISTRY_DB_PORT), settings.string(Setting.TENANT_DB_NAME));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
