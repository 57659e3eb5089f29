package io.tenantprovisioning.operations;

/** An approver's answer. */
public enum Decision {
    APPROVED, REJECTED
}
