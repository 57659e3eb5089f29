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
    /** revalidate: at least one tenant is DEGRADED (Jenkins marks the build UNSTABLE). */
    public static final int DEGRADED = 1;
    /** offboard: the sweep found resources left (listed); the tenant stays OFFBOARDING, run it again. */
    public static final int OFFBOARDING_INCOMPLETE = 5;
    /** revalidate: some tenants could not be re-validated at all (not a check failure; listed). */
    public static final int NOT_REVALIDATED = 6;

    private ExitCode() {
    }
}
