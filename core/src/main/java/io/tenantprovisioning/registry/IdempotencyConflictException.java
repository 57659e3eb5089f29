package io.tenantprovisioning.registry;

/** An idempotency key was reused with different request parameters; nothing was recorded. */
public final class IdempotencyConflictException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;
    private final String firstRequestId;

    public IdempotencyConflictException(String idempotencyKey, String firstRequestId) {
        super("idempotency key '" + idempotencyKey + "' was already used by request " + firstRequestId
                + " with different parameters; resend the same parameters to get its outcome, or use a new key");
        this.idempotencyKey = idempotencyKey;
        this.firstRequestId = firstRequestId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String firstRequestId() {
        return firstRequestId;
    }
}
