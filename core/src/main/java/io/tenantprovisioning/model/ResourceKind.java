package io.tenantprovisioning.model;

/**
 * The kinds of resource a tenant gets, in the order they are created (destroyed in reverse).
 * {@link #stepName()} is the name used in logs, the journal and TENANTCTL_FAIL_AT.
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
}
