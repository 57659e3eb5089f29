package io.tenantprovisioning.resource.postgres;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the per-tenant Flyway migrations ({@code classpath:db/tenant}) inside one tenant schema, as the
 * admin role, with the schema history table kept in that schema so each tenant migrates on its own.
 */
final class TenantMigrations {

    static final String LOCATION = "classpath:db/tenant";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final DataSource admin;

    TenantMigrations(DataSource admin) {
        this.admin = admin;
    }

    /** Applies pending migrations; a re-run after a crash continues where the history table stops. */
    MigrateResult migrate(SqlIdentifier schema, SqlIdentifier role) {
        // this library's loader, not the thread's context loader (which a host such as Jenkins points
        // elsewhere): Flyway finds its PostgreSQL support and classpath:db/tenant through it
        return Flyway.configure(TenantMigrations.class.getClassLoader())
                .dataSource(admin)
                .schemas(schema.name())
                .defaultSchema(schema.name())
                // the driver creates (and comments) the schema itself, in the same transaction as the role
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                // tenant_id: the only id V2 lets the tables hold, the slug of the schema's name (t_acme_corp)
                .placeholders(Map.of("tenant_schema", schema.name(), "tenant_role", role.name(),
                        "tenant_id", PostgresSchemaDriver.slugFromName(schema.name())))
                .cleanDisabled(true)
                .load()
                .migrate();
    }
}
