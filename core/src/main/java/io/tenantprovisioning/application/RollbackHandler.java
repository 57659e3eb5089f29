package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * rollback: the one owner of rolling a tenant back. Provisioning failures, the provisioning job,
 * {@code tenantctl rollback} and the Jenkins {@code rollbackTenant} step all end here. Idempotent: a
 * ROLLED_BACK tenant is a no-op success that says so, and so is one waiting for approval with nothing created
 * (its request left pending).
 */
public final class RollbackHandler {

    /** States a rollback may start from (or resume from after a crash), ROLLED_BACK as a no-op. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.PROVISIONING,
            TenantState.CONFIGURING, TenantState.VALIDATING, TenantState.ROLLING_BACK, TenantState.ROLLBACK_FAILED,
            TenantState.ROLLED_BACK);

    /** Where a rollback with nothing of the tenant created is a no-op: {@link RollbackResult.NothingApplied}. */
    public static final Set<TenantState> NOTHING_APPLIED_FROM = EnumSet.of(TenantState.PENDING_APPROVAL,
            TenantState.APPROVED);

    private final PlatformGraph graph;
    private final Teardown teardown;

    RollbackHandler(PlatformGraph graph, Teardown teardown) {
        this.graph = graph;
        this.teardown = teardown;
    }

    /**
     * Rolls the tenant back under its run lock (a person's or a pipeline's request). While another run
     * holds the lock it waits, up to ROLLBACK_LOCK_WAIT_SECONDS: the usual holder is a provisioning run
     * that was just aborted (Jenkins fails the step at once and interrupts its thread, which still has
     * to stop and let go), and this rollback, not that interrupted thread, is the one that must finish
     * the job and report it. Refusing at once would leave the tenant half-built behind an aborted build.
     */
    public RollbackResult rollback(Slug slug, ProgressListener progress) {
        Duration wait = Duration.ofSeconds(graph.services.settings().longValue(Setting.ROLLBACK_LOCK_WAIT_SECONDS));
        return graph.underRunLock(slug, "rollback", wait, progress,
                () -> rollbackLocked(graph.registry.tenants().require(slug), "rollback requested", progress));
    }

    /** The caller holds the run lock (a provisioning run that failed). */
    RollbackResult rollbackLocked(TenantRecord tenant, String reason, ProgressListener progress) {
        TenantState state = graph.registry.tenants().require(tenant.slug()).state();
        if (NOTHING_APPLIED_FROM.contains(state) && nothingCreated(tenant)) {
            RollbackResult none = new RollbackResult.NothingApplied(tenant.slug().value(), state);
            progress.event("rollback", none.summary());
            return none;
        }
        if (!STARTS_FROM.contains(state)) {
            throw new IllegalTransitionException(state, TenantState.ROLLING_BACK);
        }
        if (state == TenantState.ROLLED_BACK) {
            RollbackResult done = new RollbackResult.AlreadyRolledBack(tenant.slug().value());
            progress.event("rollback", done.summary());
            return done;
        }
        RollbackResult result = RollbackResult.of(teardown.rollback(tenant.slug(), graph.actor(), reason,
                progress));
        graph.publish(result.complete()
                ? new NotificationEvent.RolledBack(result.slug(), reason, List.of())
                : new NotificationEvent.RollbackIncomplete(result.slug(), reason, result.survivors()));
        return result;
    }

    /** Intent rows alone (a stale plan refused at the apply writes them first) created nothing. */
    private boolean nothingCreated(TenantRecord tenant) {
        return graph.registry.journal().entries(tenant.id()).stream()
                .allMatch(e -> e.status() == JournalStatus.INTENDED);
    }
}
