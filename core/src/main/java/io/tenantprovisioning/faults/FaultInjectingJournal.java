package io.tenantprovisioning.faults;

import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A journal that reaches the plan before each write of its delegate: before an intent (nothing journalled,
 * nothing created) and before marking created (the resource exists behind an intent-only row).
 */
public final class FaultInjectingJournal implements ProvisioningJournal {

    /** The sites this decorator reaches. */
    public static final Set<Site> SITES = Set.of(Site.JOURNAL_INTEND, Site.JOURNAL_CREATED);

    private final ProvisioningJournal delegate;
    private final FaultPlan plan;

    public FaultInjectingJournal(ProvisioningJournal delegate, FaultPlan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public long intend(ResourceKind kind, String name, String engine) {
        plan.reach(FaultPoint.of(Site.JOURNAL_INTEND, kind));
        return delegate.intend(kind, name, engine);
    }

    @Override
    public void created(long entryId, CreatedResource resource, Map<String, String> tags) {
        plan.reach(FaultPoint.of(Site.JOURNAL_CREATED, resource.kind()));
        delegate.created(entryId, resource, tags);
    }

    /** The wrapped journal. */
    public ProvisioningJournal delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "faults(" + plan + ") around " + delegate;
    }
}
