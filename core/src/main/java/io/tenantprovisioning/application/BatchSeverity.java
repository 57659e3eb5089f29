package io.tenantprovisioning.application;

/**
 * How a row of a request file ended, mildest first: a batch is as bad as its worst row, and its exit code
 * is that row's ({@code tenantctl provision --from}).
 */
public enum BatchSeverity {
    /** ACTIVE (also on a replay). */
    ACTIVE,
    /** Waiting for approval: PENDING_APPROVAL or APPROVED. */
    WAITING,
    /** Skipped with --skip-invalid: the row is not a valid request. */
    INVALID,
    /** Another run holds the tenant. */
    LOCKED,
    /** Provisioning failed and was rolled back (or the request was rejected). */
    FAILED,
    /** Rolled back, but the sweep found resources left. */
    INCOMPLETE
}
