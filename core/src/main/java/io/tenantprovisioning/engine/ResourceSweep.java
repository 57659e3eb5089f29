package io.tenantprovisioning.engine;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.SecretVault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds tenant resources on the services themselves (never trusting the journal alone), destroys
 * them, and confirms with each service that nothing is left. Rollback is done only when this
 * reports zero survivors. A removing sweep also drops the swept tenants' credentials from the vault:
 * the drivers destroy resources, not the passwords and keys the engine stored for them.
 */
public final class ResourceSweep {

    /**
     * Asked before an orphan sweep destroys a tenant's resources: a tenant submitted after the sweep read
     * which tenants are live is no orphan. {@link #claim} returns a claim held while its resources are
     * destroyed (no run of that tenant can create anything meanwhile), or empty to leave them alone.
     */
    @FunctionalInterface
    public interface OrphanGuard {
        OrphanGuard NONE = slug -> Optional.of(() -> { });

        Optional<Claim> claim(String tenantSlug);
    }

    /** Released once the tenant's resources on one service are destroyed. */
    @FunctionalInterface
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    private final List<ResourceDriver> drivers;
    private final SecretVault vault;
    private final ProgressListener progress;

    public ResourceSweep(List<ResourceDriver> drivers, SecretVault vault, ProgressListener progress) {
        this.drivers = List.copyOf(drivers);
        this.vault = vault;
        this.progress = progress;
    }

    /** Everything of one tenant. */
    public SweepReport sweepTenant(Slug slug, boolean dryRun) {
        return sweep(r -> r.tenantSlug().equals(slug.value()), List.of(slug), dryRun, OrphanGuard.NONE);
    }

    /**
     * Resources carrying this registry's ownership marker (what the drivers list) whose tenant is not in
     * {@code ownedSlugs}, except canaries younger than {@link CanarySlugs#IN_FLIGHT}.
     */
    public SweepReport sweepOrphans(Set<String> ownedSlugs, boolean dryRun) {
        return sweepOrphans(ownedSlugs, dryRun, OrphanGuard.NONE);
    }

    /** As above, asking {@code guard} before destroying each tenant's resources (issue 19: a sweep racing a submission). */
    public SweepReport sweepOrphans(Set<String> ownedSlugs, boolean dryRun, OrphanGuard guard) {
        java.time.Instant now = java.time.Instant.now();
        // a canary a running validation still uses has no registry row either: leave young ones alone
        return sweep(r -> !ownedSlugs.contains(r.tenantSlug()) && !CanarySlugs.inFlight(r.tenantSlug(), now),
                List.of(), dryRun, guard);
    }

    private SweepReport sweep(Predicate<ManagedResource> selected, List<Slug> alsoDescribe, boolean dryRun,
                              OrphanGuard guard) {
        List<ManagedResource> found = new ArrayList<>();
        List<ManagedResource> removed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> spared = new LinkedHashSet<>();
        for (ResourceDriver driver : drivers) {
            List<ManagedResource> mine = new ArrayList<>(findOnService(driver, selected, alsoDescribe, errors));
            mine.removeIf(r -> spared.contains(r.tenantSlug()));
            if (!dryRun) {
                destroyEach(driver, mine, guard, spared, removed, errors);
                mine.removeIf(r -> spared.contains(r.tenantSlug()));
            }
            found.addAll(mine);
        }
        if (!dryRun) {
            forgetCredentials(found, alsoDescribe, errors);
        }
        Predicate<ManagedResource> stillSelected = selected.and(r -> !spared.contains(r.tenantSlug()));
        List<String> survivors = new ArrayList<>();
        for (ResourceDriver driver : drivers) {
            for (ManagedResource left : findOnService(driver, stillSelected, alsoDescribe, errors)) {
                survivors.add(left.kind().stepName() + " " + left.name() + " (tenant " + left.tenantSlug() + ")");
            }
        }
        if (dryRun) {
            survivors.clear();
            found.forEach(r -> survivors.add(r.kind().stepName() + " " + r.name() + " (tenant " + r.tenantSlug() + ")"));
        }
        progress.event("sweep", (dryRun ? "dry run: " : "") + found.size() + " found, " + removed.size()
                + " removed, " + survivors.size() + " left");
        return new SweepReport(found, removed, survivors, errors, dryRun);
    }

    /** Destroys each tenant's resources on this service under a claim; a tenant the guard refuses is spared. */
    private void destroyEach(ResourceDriver driver, List<ManagedResource> mine, OrphanGuard guard, Set<String> spared,
                             List<ManagedResource> removed, List<String> errors) {
        for (String tenant : new LinkedHashSet<>(mine.stream().map(ManagedResource::tenantSlug).toList())) {
            Optional<Claim> claim = guard.claim(tenant);
            if (claim.isEmpty()) {
                spared.add(tenant);
                progress.event("sweep", "left " + tenant + " alone: it is live now or a run holds it");
                continue;
            }
            try (Claim held = claim.get()) {
                driver.destroy(Slug.of(tenant));
                mine.stream().filter(r -> r.tenantSlug().equals(tenant)).forEach(removed::add);
                progress.event("sweep", "removed " + driver.kind().stepName() + " of " + tenant);
            } catch (ResourceException | RuntimeException e) {
                errors.add(driver.kind().stepName() + " of " + tenant + ": " + e.getMessage());
            }
        }
    }

    /** Credentials of resources that are being destroyed are of no use to anyone: never leave them behind. */
    private void forgetCredentials(List<ManagedResource> found, List<Slug> alsoDescribe, List<String> errors) {
        Set<String> tenants = new LinkedHashSet<>();
        alsoDescribe.forEach(slug -> tenants.add(slug.value()));
        found.forEach(r -> tenants.add(r.tenantSlug()));
        for (String tenant : tenants) {
            try {
                vault.deleteAll(Slug.of(tenant));
            } catch (RuntimeException e) {
                errors.add("vault secrets of " + tenant + ": " + e.getMessage());
            }
        }
    }

    /** listManaged, confirmed by describe for the tenants we were asked about explicitly. */
    private static List<ManagedResource> findOnService(ResourceDriver driver, Predicate<ManagedResource> selected,
                                                       List<Slug> alsoDescribe, List<String> errors) {
        List<ManagedResource> result = new ArrayList<>();
        try {
            driver.listManaged().stream().filter(selected).forEach(result::add);
            for (Slug slug : alsoDescribe) {
                boolean listed = result.stream().anyMatch(r -> r.tenantSlug().equals(slug.value()));
                if (!listed) {
                    driver.describe(slug).ifPresent(d ->
                            result.add(new ManagedResource(d.kind(), d.name(), slug.value())));
                }
            }
        } catch (ResourceException | RuntimeException e) {
            errors.add("cannot list " + driver.kind().stepName() + ": " + e.getMessage());
        }
        return result;
    }
}
