package io.tenantprovisioning.resource.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a tenant connection inside one transaction. */
@FunctionalInterface
public interface TenantWork<T> {

    T run(Connection connection) throws SQLException;
}
