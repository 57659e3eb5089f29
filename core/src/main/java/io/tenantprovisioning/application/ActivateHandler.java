package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.util.EnumSet;
import java.util.Set;

/** activate: VALIDATING → ACTIVE once the last validation passed; tells people. */
public final class ActivateHandler {

    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.VALIDATING);

    private final PlatformGraph graph;

    ActivateHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    public TenantState activate(Slug slug, ProgressListener progress) {
        return graph.underRunLock(slug, "activate",
                () -> activateLocked(graph.registry.tenants().require(slug), progress));
    }

    /** The caller holds the run lock. */
    TenantState activateLocked(TenantRecord tenant, ProgressListener progress) {
        boolean passed = graph.registry.validationRuns().last(tenant.id()).map(r -> r.passed()).orElse(false);
        if (!passed) {
            throw new IllegalStateException("tenant '" + tenant.slug() + "' cannot be activated: its last validation "
                    + "did not pass (run `tenantctl validate " + tenant.slug() + "`)");
        }
        graph.lifecycle.transition(tenant.slug(), TenantState.VALIDATING, TenantState.ACTIVE, graph.actor(),
                "all critical checks passed");
        progress.event("activate", tenant.slug() + " is ACTIVE");
        graph.publish(Activation.event(tenant, graph.registry));
        return TenantState.ACTIVE;
    }
}
