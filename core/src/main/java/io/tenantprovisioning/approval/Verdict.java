package io.tenantprovisioning.approval;

/** What an approver group decided about a request. */
public enum Verdict {
    APPROVED, REJECTED
}
