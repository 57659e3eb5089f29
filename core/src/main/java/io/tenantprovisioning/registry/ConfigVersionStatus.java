package io.tenantprovisioning.registry;

/**
 * Where one version of a tenant's configuration stands: asked for (PENDING_APPROVAL, or APPROVED when
 * nobody needs to approve it), then APPLIED, or REJECTED by an approver (or cancelled when the tenant is offboarded first; the note says
 * which), or FAILED (applied, failed and
 * restored to the version before it).
 */
public enum ConfigVersionStatus {
    PENDING_APPROVAL, APPROVED, APPLIED, REJECTED, FAILED;

    /** Still in flight: at most one such version per tenant. */
    public boolean open() {
        return this == PENDING_APPROVAL || this == APPROVED;
    }
}
