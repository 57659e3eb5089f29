package io.tenantprovisioning.resource.postgres;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tenant's own view of PostgreSQL: connects as the tenant role (never the admin) and runs work in a
 * transaction that first sets {@code app.tenant_id} transaction-locally, which is what the RLS policies
 * read. One connection, opened on first use and reused; not for concurrent use from several threads.
 */
public final class TenantDatabase implements AutoCloseable {

    private final Slug slug;
    private final SqlIdentifier schema;
    private final String role;
    private final PostgresEndpoint endpoint;
    private final PGSimpleDataSource dataSource;
    private Connection connection;

    private TenantDatabase(Slug slug, SqlIdentifier schema, String role, PostgresEndpoint endpoint, Secret password) {
        this.slug = slug;
        this.schema = schema;
        this.role = role;
        this.endpoint = endpoint;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {endpoint.host()});
        dataSource.setPortNumbers(new int[] {endpoint.port()});
        dataSource.setDatabaseName(endpoint.database());
        dataSource.setUser(role);
        dataSource.setPassword(password.reveal());
        dataSource.setApplicationName("tenantctl-tenant");
        dataSource.setConnectTimeout(10);
        dataSource.setLoginTimeout(10);
        dataSource.setSocketTimeout(60);
    }

    /**
     * The tenant's database from what its postgres resource reported ({@code postgres.*} attributes and
     * the {@code postgres.password} secret).
     *
     * @throws IllegalArgumentException naming the missing attribute when the tenant has no postgres resource
     */
    public static TenantDatabase of(TenantAccess tenant) {
        PostgresEndpoint endpoint = new PostgresEndpoint(required(tenant, PostgresSchemaDriver.ATTR_HOST),
                Integer.parseInt(required(tenant, PostgresSchemaDriver.ATTR_PORT)),
                required(tenant, PostgresSchemaDriver.ATTR_DATABASE));
        Secret password = tenant.secret(PostgresSchemaDriver.SECRET_PASSWORD).orElseThrow(
                () -> new IllegalArgumentException("tenant " + tenant.slug() + " has no "
                        + PostgresSchemaDriver.SECRET_PASSWORD + " secret; was its postgres resource created?"));
        return new TenantDatabase(tenant.slug(), new SqlIdentifier(required(tenant, PostgresSchemaDriver.ATTR_SCHEMA)),
                required(tenant, PostgresSchemaDriver.ATTR_ROLE), endpoint, password);
    }

    public Slug slug() {
        return slug;
    }

    public SqlIdentifier schema() {
        return schema;
    }

    public String role() {
        return role;
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** Runs the work as this tenant ({@code app.tenant_id} = slug) and commits; rolls back on any error. */
    public synchronized <T> T inTransaction(TenantWork<T> work) throws SQLException {
        return run(slug.value(), work, true);
    }

    /**
     * Runs the work with {@code app.tenant_id} set to {@code claimedTenantId} (null = unset) and always
     * rolls back. Isolation probes use it to try what another tenant's id would reach, leaving nothing.
     */
    public synchronized <T> T attempt(String claimedTenantId, TenantWork<T> work) throws SQLException {
        return run(claimedTenantId, work, false);
    }

    private <T> T run(String tenantId, TenantWork<T> work, boolean commit) throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        try {
            if (tenantId != null) {
                try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    ps.setString(1, tenantId);
                    ps.executeQuery().close();
                }
            }
            T result = work.run(c);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(5)) {
            closeQuietly();
            connection = dataSource.getConnection();
        }
        return connection;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection is being replaced; nothing left to release
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private static String required(TenantAccess tenant, String key) {
        return tenant.attribute(key).orElseThrow(() -> new IllegalArgumentException("tenant " + tenant.slug()
                + " has no " + key + " attribute; was its postgres resource created?"));
    }

    @Override
    public String toString() {
        return "TenantDatabase[" + role + "@" + endpoint + "]";
    }
}
