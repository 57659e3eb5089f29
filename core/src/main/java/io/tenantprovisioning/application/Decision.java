package io.tenantprovisioning.application;

/** An approver's answer. */
public enum Decision {
    APPROVED, REJECTED
}
