package io.tenantprovisioning.validation;

import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Check 1: connects to PostgreSQL as the tenant's own role (never the admin) and reads one of its tables
 * inside a tenant transaction, proving credentials, privileges and the RLS setup work end to end.
 */
public final class DatabaseConnectivityCheck implements ValidationCheck {

    public static final String ID = "database-connectivity";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Database connectivity";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public CheckOutcome run(TenantAccess tenant) {
        TenantDatabase database;
        try {
            database = TenantDatabase.of(tenant);
        } catch (IllegalArgumentException e) {
            return new CheckOutcome.Failed(e.getMessage(), null);
        }
        String table = database.schema().qualify("documents");
        long start = System.nanoTime();
        try (database) {
            String[] row = database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("select current_user, count(*) from " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            });
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (!database.role().equals(row[0])) {
                return new CheckOutcome.Failed("connected as '" + row[0] + "' instead of the tenant role '"
                        + database.role() + "'", millis + " ms");
            }
            return new CheckOutcome.Passed("connected as " + database.role() + " to " + database.endpoint()
                    + " and read " + table + " (" + row[1] + " rows visible)", millis + " ms");
        } catch (SQLException e) {
            return new CheckOutcome.Failed("as " + database.role() + " on " + database.endpoint() + ", reading "
                    + table + " failed: [" + e.getSQLState() + "] " + e.getMessage()
                    + "; check the role's password, its USAGE/SELECT grants and that the schema exists", null);
        }
    }
}
