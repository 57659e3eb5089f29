package io.tenantprovisioning.engine.terraform;

/** Why a Terraform/OpenTofu command failed; one per command plus the cross-cutting causes. */
public enum TerraformErrorCode {
    /** The caller asked for something the runner refuses (a reserved TF_* variable, a bad option). */
    INVALID_USAGE,
    /** The binary could not be started, or its output could not be read. */
    LAUNCH_FAILED,
    INIT_FAILED,
    WORKSPACE_FAILED,
    PLAN_FAILED,
    SHOW_FAILED,
    APPLY_FAILED,
    /** The plan file to apply is not the one that was shown and approved (its SHA-256 differs). */
    PLAN_NOT_APPROVED,
    OUTPUT_FAILED,
    DESTROY_FAILED,
    /** Another process holds the state lock. */
    STATE_LOCKED,
    /** The command ran past its timeout and was stopped. */
    TIMEOUT,
    /** The calling thread was interrupted; the process was stopped. */
    INTERRUPTED,
    /** The command succeeded but printed JSON the runner does not understand. */
    UNEXPECTED_OUTPUT
}
