package io.tenantprovisioning.cli;

/** tenantctl's exit codes; the README documents the same table. */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** The operation failed (a provisioning failure was rolled back). */
    public static final int FAILED = 1;
    /** Bad input or configuration; nothing was changed. */
    public static final int INVALID_INPUT = 2;
    /** The request waits for approval. */
    public static final int AWAITING_APPROVAL = 3;
    /** Another run for the same tenant holds the lock. */
    public static final int RUN_IN_PROGRESS = 4;
    /** A rollback did not finish: resources survive (listed); run `tenantctl rollback`. */
    public static final int ROLLBACK_INCOMPLETE = 5;

    private ExitCode() {
    }
}
