package io.tenantprovisioning.registry;

import java.sql.SQLException;

/** The registry database failed or refused an operation; the message says which and why. */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    static RegistryException of(String operation, SQLException e) {
        return new RegistryException("registry: " + operation + " failed (SQLSTATE " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }
}
