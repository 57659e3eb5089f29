package io.tenantprovisioning.faults;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.request.Slug;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A vault that reaches the plan before each call of its delegate. A secret's target is the kind that
 * prefixes its name ({@code postgres.password} → {@code postgres}); calls about no single secret (all,
 * tenants, deleteAll) and names without a kind prefix reach {@value FaultPoint#ANY}.
 */
public final class FaultInjectingVault implements SecretVault {

    /** The sites this decorator reaches. */
    public static final Set<Site> SITES = Set.of(Site.VAULT_PUT, Site.VAULT_READ, Site.VAULT_DELETE,
            Site.VAULT_DELETE_ALL);

    private final SecretVault delegate;
    private final FaultPlan plan;

    public FaultInjectingVault(SecretVault delegate, FaultPlan plan) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public void put(Slug slug, String name, Secret value) {
        plan.reach(at(Site.VAULT_PUT, name));
        delegate.put(slug, name, value);
    }

    @Override
    public Optional<Secret> get(Slug slug, String name) {
        plan.reach(at(Site.VAULT_READ, name));
        return delegate.get(slug, name);
    }

    @Override
    public Map<String, Secret> all(Slug slug) {
        plan.reach(FaultPoint.anyTarget(Site.VAULT_READ));
        return delegate.all(slug);
    }

    @Override
    public void delete(Slug slug, String name) {
        plan.reach(at(Site.VAULT_DELETE, name));
        delegate.delete(slug, name);
    }

    @Override
    public void deleteAll(Slug slug) {
        plan.reach(FaultPoint.anyTarget(Site.VAULT_DELETE_ALL));
        delegate.deleteAll(slug);
    }

    @Override
    public Set<Slug> tenants() {
        plan.reach(FaultPoint.anyTarget(Site.VAULT_READ));
        return delegate.tenants();
    }

    /** The wrapped vault. */
    public SecretVault delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return "faults(" + plan + ") around " + delegate;
    }

    private static FaultPoint at(Site site, String secretName) {
        int dot = secretName.indexOf('.');
        String prefix = dot < 0 ? secretName : secretName.substring(0, dot);
        return Arrays.stream(ResourceKind.values())
                .filter(kind -> kind.stepName().equals(prefix))
                .findFirst()
                .map(kind -> FaultPoint.of(site, kind))
                .orElseGet(() -> FaultPoint.anyTarget(site));
    }
}
