package io.tenantprovisioning.registry;

import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Moves tenants between lifecycle states. The state change and its audit row are written in one
 * transaction, so the registry never shows a state without the record of who set it and why.
 * Built on the registry that {@link Registry#inTransaction} hands out, a move joins that transaction.
 */
public final class Lifecycle {

    private final Registry registry;
    private final TransitionGuard guard;

    public Lifecycle(Registry registry) {
        this(registry, TransitionGuard.NONE);
    }

    /** @param guard asked before every move (the composition root's fault points); throwing stops the move */
    public Lifecycle(Registry registry, TransitionGuard guard) {
        this.registry = registry;
        this.guard = guard;
    }

    /**
     * Moves the tenant from {@code from} to {@code to}. Throws {@link IllegalTransitionException}
     * for a move the lifecycle forbids and {@link StateConflictException} when the tenant is not in
     * {@code from} (someone else moved it first); either way nothing changes.
     */
    public AuditRecord transition(Slug slug, TenantState from, TenantState to, String actor, String reason) {
        from.requireMoveTo(to);
        guard.beforeTransition(slug, from, to);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return registry.inTransaction(tx -> {
            if (!tx.tenants().updateState(slug, from.name(), to.name(), at)) {
                throw conflict(tx, slug, from, to);
            }
            return tx.audit().append(AuditEntry.transition(actor, slug.value(), from.name(), to.name(), reason));
        });
    }

    /** The tenant's current state (its live row, else its most recent one). */
    public TenantState state(Slug slug) {
        return registry.tenants().require(slug).state();
    }

    private static RuntimeException conflict(Registry tx, Slug slug, TenantState from, TenantState to) {
        TenantRecord current = tx.tenants().require(slug);
        return new StateConflictException("cannot move tenant '" + slug + "' " + from + " → " + to + ": it is "
                + current.state() + ", not " + from);
    }
}
