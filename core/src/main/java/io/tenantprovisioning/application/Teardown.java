package io.tenantprovisioning.application;

import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rollback and offboarding: the engine that created the tenant destroys it (every part attempted),
 * then the sweep asks every service what is left, removes it, and only a clean sweep lets the
 * tenant reach ROLLED_BACK / OFFBOARDED. The caller holds the tenant's run lock.
 */
final class Teardown {

    /** States from which a rollback may start (or resume after a crash). */
    private static final Set<TenantState> ROLLBACK_FROM = EnumSet.of(TenantState.PROVISIONING,
            TenantState.CONFIGURING, TenantState.VALIDATING, TenantState.ROLLING_BACK, TenantState.ROLLBACK_FAILED);
    private static final Set<TenantState> OFFBOARD_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED,
            TenantState.OFFBOARDING);

    private final PlatformGraph graph;
    private final Registry registry;
    private final Lifecycle lifecycle;

    Teardown(PlatformGraph graph) {
        this.graph = graph;
        this.registry = graph.registry;
        this.lifecycle = graph.lifecycle;
    }

    public TeardownResult rollback(Slug slug, String actor, String reason, ProgressListener progress) {
        TenantRecord tenant = registry.tenants().require(slug);
        TenantState state = tenant.state();
        if (!ROLLBACK_FROM.contains(state)) {
            throw new IllegalTransitionException(state, TenantState.ROLLING_BACK);
        }
        if (state != TenantState.ROLLING_BACK) {
            lifecycle.transition(slug, state, TenantState.ROLLING_BACK, actor, reason);
        }
        return finish(tenant, TenantState.ROLLING_BACK, TenantState.ROLLED_BACK, TenantState.ROLLBACK_FAILED,
                actor, progress);
    }

    public TeardownResult offboard(Slug slug, String actor, String reason, ProgressListener progress) {
        TenantRecord tenant = registry.tenants().require(slug);
        TenantState state = tenant.state();
        if (!OFFBOARD_FROM.contains(state)) {
            throw new IllegalTransitionException(state, TenantState.OFFBOARDING);
        }
        if (state != TenantState.OFFBOARDING) {
            lifecycle.transition(slug, state, TenantState.OFFBOARDING, actor, reason);
        }
        // a failed offboarding stays OFFBOARDING (the lifecycle has no failure state there) and is re-run
        return finish(tenant, TenantState.OFFBOARDING, TenantState.OFFBOARDED, TenantState.OFFBOARDING,
                actor, progress);
    }

    private TeardownResult finish(TenantRecord tenant, TenantState from, TenantState done, TenantState failed,
                                  String actor, ProgressListener progress) {
        Slug slug = tenant.slug();
        ProvisioningEngine engine = graph.engineOf(tenant);
        progress.event(from.name().toLowerCase(java.util.Locale.ROOT), "destroying with the " + engine.name()
                + " engine");
        List<String> errors = engine.destroy(slug, progress);
        SweepReport report = graph.services.sweep(progress).sweepTenant(slug, false);
        markJournal(tenant, report);
        TenantState end = report.clean() ? done : failed;
        if (end != from) {
            String why = report.clean() ? "sweep found nothing left" : "sweep left " + report.survivors();
            lifecycle.transition(slug, from, end, actor, why);
        }
        return new TeardownResult(slug.value(), end, errors, report);
    }

    private void markJournal(TenantRecord tenant, SweepReport report) {
        if (!report.clean()) {
            return;
        }
        for (JournalEntry entry : registry.journal().entries(tenant.id())) {
            if (entry.status() != JournalStatus.DELETED) {
                registry.journal().markDeleted(entry.id());
            }
        }
    }
}
