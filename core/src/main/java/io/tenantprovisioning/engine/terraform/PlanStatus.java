package io.tenantprovisioning.engine.terraform;

/** The outcome of a successful {@code plan -detailed-exitcode}: exit 0 or exit 2 (1 is an error). */
public enum PlanStatus {
    NO_CHANGES, CHANGES
}
