package io.tenantprovisioning.registry;

/**
 * What to append to the audit log: who did what to which tenant, and why. {@code tenantSlug},
 * {@code fromState}, {@code toState} and {@code reason} may be null.
 */
public record AuditEntry(String actor, String tenantSlug, String action, String fromState, String toState,
                         String reason) {

    public AuditEntry {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor (who did it)");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
    }

    /** A state change of a tenant. */
    public static AuditEntry transition(String actor, String slug, String from, String to, String reason) {
        return new AuditEntry(actor, slug, "transition", from, to, reason);
    }
}
