package io.tenantprovisioning.faults;

import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A driver that reaches the plan around each call of its delegate, targeting the delegate's kind:
 * before create (or adopt), after a successful create or adopt (the resource exists but the caller sees
 * a failure), before configure, before and after destroy (inside a compensation), before describe and list.
 */
public final class FaultInjectingDriver implements ResourceDriver {

    /** The sites this decorator reaches. */
    public static final Set<Site> SITES = Set.of(Site.DRIVER_CREATE, Site.DRIVER_AFTER_CREATE,
            Site.DRIVER_CONFIGURE, Site.DRIVER_DESCRIBE, Site.DRIVER_DESTROY, Site.DRIVER_AFTER_DESTROY,
            Site.DRIVER_LIST);

    private final ResourceDriver delegate;
    private final FaultPlan plan;

    public FaultInjectingDriver(ResourceDriver delegate, FaultPlan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public ResourceKind kind() {
        return delegate.kind();
    }

    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        plan.reach(at(Site.DRIVER_CREATE));
        CreatedResource created = delegate.create(spec);
        plan.reach(at(Site.DRIVER_AFTER_CREATE));
        return created;
    }

    /** Adopting is the create phase of a kind Terraform created: the create sites apply. */
    @Override
    public CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        plan.reach(at(Site.DRIVER_CREATE));
        CreatedResource adopted = delegate.adopt(spec, terraform);
        plan.reach(at(Site.DRIVER_AFTER_CREATE));
        return adopted;
    }

    @Override
    public ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        plan.reach(at(Site.DRIVER_CONFIGURE));
        return delegate.configure(spec, created);
    }

    /** Rewriting tags is part of configuring a changed tenant: the configure site applies (not to a claim). */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        if (rewrite == TagRewrite.RETAG) {
            plan.reach(at(Site.DRIVER_CONFIGURE));
        }
        delegate.rewriteTags(spec, rewrite);
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        plan.reach(at(Site.DRIVER_DESCRIBE));
        return delegate.describe(slug);
    }

    /** A look-up like describe: the describe site applies. */
    @Override
    public List<String> occupants(Slug slug) throws ResourceException {
        plan.reach(at(Site.DRIVER_DESCRIBE));
        return delegate.occupants(slug);
    }

    @Override
    public void destroy(Slug slug) throws ResourceException {
        plan.reach(at(Site.DRIVER_DESTROY));
        delegate.destroy(slug);
        plan.reach(at(Site.DRIVER_AFTER_DESTROY));
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        plan.reach(at(Site.DRIVER_LIST));
        return delegate.listManaged();
    }

    /** The wrapped driver. */
    public ResourceDriver delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "faults(" + plan + ") around " + delegate;
    }

    private FaultPoint at(Site site) {
        return FaultPoint.of(site, delegate.kind());
    }
}
