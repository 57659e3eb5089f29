package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.TakeoverRefusedException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * No takeover by Terraform: the names the root creates are deterministic ({@code <prefix>-<slug>}, the IAM user
 * {@code tenant-<slug>}), and a create of a bucket the account already owns succeeds on AWS us-east-1 and on moto,
 * so Terraform would take a pre-existing bucket into its state and a rollback's destroy would delete it. Before
 * the first plan of a tenant and again right before the apply, each kind the root creates asks its driver which
 * resources of the tenant's names exist, whatever their tags; any at all refuses, nothing planned or applied.
 * Even this registry's own marker does not pass here: the tenant's state is new, so such a resource was not
 * created by this run (a leftover is for rollback or {@code claim}, not for an apply to absorb).
 */
final class TakeoverGuard {

    private final DirectEngine drivers;
    private final Set<ResourceKind> terraformCreates;

    TakeoverGuard(DirectEngine drivers, Set<ResourceKind> terraformCreates) {
        this.drivers = drivers;
        this.terraformCreates = terraformCreates.isEmpty() ? Set.of() : EnumSet.copyOf(terraformCreates);
    }

    /** Before the first plan: every kind the root creates must find its names free. */
    void beforePlan(Slug slug, ProgressListener progress) {
        require(slug, terraformCreates, "planned", progress);
    }

    /**
     * Right before the apply: every kind with a create (or replace) in the plan's part ({@code module.<part>.*})
     * must find its names free: the plan may be older than a resource made since.
     */
    void beforeApply(Slug slug, PlanSummary plan, ProgressListener progress) {
        Set<ResourceKind> creating = EnumSet.noneOf(ResourceKind.class);
        for (RootPart part : RootPart.values()) {
            String prefix = "module." + part.folder() + ".";
            boolean creates = plan.changes().stream().anyMatch(c -> c.address().startsWith(prefix)
                    && (c.action() == ChangeAction.CREATE || c.action() == ChangeAction.REPLACE));
            if (creates && terraformCreates.contains(part.kind())) {
                creating.add(part.kind());
            }
        }
        require(slug, creating, "applied", progress);
    }

    private void require(Slug slug, Set<ResourceKind> kinds, String what, ProgressListener progress) {
        if (kinds.isEmpty()) {
            return; // the root creates nothing real (terraform/local): no name to take over
        }
        List<String> found = new ArrayList<>();
        for (ResourceDriver driver : drivers.drivers()) {
            if (!kinds.contains(driver.kind())) {
                continue;
            }
            try {
                driver.occupants(slug).forEach(o -> found.add(driver.kind().stepName() + ": " + o));
            } catch (ResourceException e) {
                throw new TakeoverRefusedException("cannot tell whether tenant '" + slug + "'s resources already "
                        + "exist (" + e.getMessage() + "); nothing was " + what);
            }
        }
        if (!found.isEmpty()) {
            throw new TakeoverRefusedException("refusing to let Terraform create what already exists for tenant '"
                    + slug + "': " + String.join("; ", found) + ". It was not created by this run, so Terraform "
                    + "would take it over and a rollback would destroy it; nothing was " + what
                    + " and it is left as it is (remove or rename it, or choose another tenant name)");
        }
        progress.event(TerraformEngine.NAME, "no resource of tenant '" + slug + "'s names exists yet ("
                + kinds.stream().map(ResourceKind::stepName).toList() + ")");
    }
}
