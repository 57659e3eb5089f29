package io.tenantprovisioning.faults;

import io.tenantprovisioning.registry.TransitionGuard;
import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import java.util.Objects;
import java.util.Set;

/** A transition guard that reaches the plan (targeting the state moved to) before asking its delegate. */
public final class FaultInjectingTransitions implements TransitionGuard {

    /** The sites this decorator reaches. */
    public static final Set<Site> SITES = Set.of(Site.LIFECYCLE_TRANSITION);

    private final TransitionGuard delegate;
    private final FaultPlan plan;

    public FaultInjectingTransitions(TransitionGuard delegate, FaultPlan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public void beforeTransition(Slug tenant, TenantState from, TenantState to) {
        plan.reach(FaultPoint.of(Site.LIFECYCLE_TRANSITION, to));
        delegate.beforeTransition(tenant, from, to);
    }

    /** The wrapped guard. */
    public TransitionGuard delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "faults(" + plan + ") around " + delegate;
    }
}
