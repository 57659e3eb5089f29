package io.tenantprovisioning.rag;

/** A bearer token did not identify a tenant; the message says why, never the token itself. */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String reason) {
        super(reason);
    }

    public TokenRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
