package io.tenantprovisioning.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Where a repository's SQL runs: on the pool (each call its own transaction) or inside one open
 * transaction that the caller commits. Repositories are written once and work in both.
 */
abstract class SqlScope {

    /** Runs the work; {@code operation} names it in error messages. */
    abstract <T> T run(String operation, SqlWork<T> work);

    /** Runs the work in one transaction: a new one on the pool, or the one this scope already is. */
    abstract <T> T transaction(Function<SqlScope, T> work);

    static SqlScope pooled(DataSource dataSource) {
        return new Pooled(dataSource);
    }

    /** Everything on one connection the caller owns, in whatever transaction it has open. */
    static SqlScope bound(Connection connection) {
        return new Bound(connection);
    }

    private static final class Pooled extends SqlScope {
        private final DataSource dataSource;

        Pooled(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        <T> T run(String operation, SqlWork<T> work) {
            return transaction(scope -> scope.run(operation, work));
        }

        @Override
        <T> T transaction(Function<SqlScope, T> work) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.apply(new Bound(connection));
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw RegistryException.of("transaction", e);
            }
        }
    }

    /** Rolls back; a failing rollback must not hide the failure that caused it. */
    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static final class Bound extends SqlScope {
        private final Connection connection;

        Bound(Connection connection) {
            this.connection = connection;
        }

        @Override
        <T> T run(String operation, SqlWork<T> work) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw RegistryException.of(operation, e);
            }
        }

        @Override
        <T> T transaction(Function<SqlScope, T> work) {
            return work.apply(this);
        }
    }
}
