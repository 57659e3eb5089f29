package io.tenantprovisioning.application;

/** Re-applying a serving tenant's configuration stopped at one kind; the tenant keeps serving, run it again. */
public final class ReconfigureFailedException extends RuntimeException {

    public ReconfigureFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
