package io.tenantprovisioning.notify;

/** Who an event is for; the e-mail channel turns this into addresses. */
public enum Audience {
    /** The tenant owner from the request. */
    OWNER,
    /** The approver group the event names. */
    APPROVERS,
    /** PLATFORM_TEAM_EMAIL: failures, rollbacks, degraded tenants. */
    PLATFORM_TEAM
}
