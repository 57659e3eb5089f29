package io.tenantprovisioning.registry;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of registry SQL run on a connection the caller does not own. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
