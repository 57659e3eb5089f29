package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.ResourceSweep;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.request.Slug;
import java.util.Optional;

/**
 * The orphan sweep's guard (issue 19, a sweep racing a new submission): the sweep reads which tenants are
 * live once, then lists every service; a tenant submitted in between has a registry row and resources the
 * stale list calls orphans. Before destroying a tenant's resources the sweep takes that tenant's run lock
 * (refused at once while a run holds it) and reads the registry again: a live tenant, or one a run holds, is
 * left alone. Every resource is created under the run lock of a tenant whose row exists, so while the sweep
 * holds the lock of a tenant with no live row nothing of a new run of it can appear.
 */
final class OrphanClaims implements ResourceSweep.OrphanGuard {

    private final Registry registry;

    OrphanClaims(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ResourceSweep.Claim> claim(String tenantSlug) {
        Slug slug = Slug.of(tenantSlug);
        RunLock lock;
        try {
            lock = RunLock.acquire(registry, slug, PlatformGraph.runId("sweep"));
        } catch (RunInProgressException held) {
            return Optional.empty();
        }
        boolean live = registry.tenants().find(slug).map(t -> !t.state().finished()).orElse(false);
        if (live) {
            lock.close();
            return Optional.empty();
        }
        return Optional.of(lock::close);
    }
}
