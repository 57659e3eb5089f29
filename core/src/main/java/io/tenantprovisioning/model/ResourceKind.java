package io.tenantprovisioning.model;

/**
 * The kinds of resource a tenant gets, in the order they are created and configured (destroyed in
 * reverse). {@link #stepName()} is the name used in logs, the journal and TENANTCTL_FAIL_AT (the create
 * phase); {@link #configureStepName()} names the kind's configure phase there.
 */
public enum ResourceKind {
    POSTGRES("postgres"),
    REDIS("redis"),
    OBJECT_STORE("object-store"),
    VECTOR("vector"),
    MONITORING("monitoring"),
    SIGNING_KEY("signing-key");

    private final String stepName;

    ResourceKind(String stepName) {
        this.stepName = stepName;
    }

    public String stepName() {
        return stepName;
    }

    /** {@code configure-redis}: the TENANTCTL_FAIL_AT step of the kind's configure phase. */
    public String configureStepName() {
        return "configure-" + stepName;
    }
}
