package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a serving tenant, computed before anything is touched: the configuration before and after,
 * what it changes in the tier config and on the resources, old → new monthly cost, and who must approve it.
 *
 * @param version          the configuration version the change would become
 * @param tierChanges      the tier config fields that change (queriesPerMinute, model, …); empty if the tier stays
 * @param resourceChanges  one line per thing the change does to a resource; empty when it touches only the registry
 * @param enginePlan       with the terraform engine, the saved Terraform plan of the change (what approvers decide on
 *                         and the apply uses exactly); empty when the engine has none or the change touches nothing
 *                         Terraform owns
 */
public record ChangePlan(
        String slug,
        int version,
        TenantRequest before,
        TenantRequest after,
        List<FieldChange> changes,
        TierConfig tierBefore,
        TierConfig tierAfter,
        List<FieldChange> tierChanges,
        List<String> resourceChanges,
        CostEstimate costBefore,
        CostEstimate costAfter,
        ApprovalRoute route,
        Optional<PlanForApproval> enginePlan) {

    public ChangePlan {
        changes = List.copyOf(changes);
        tierChanges = List.copyOf(tierChanges);
        resourceChanges = List.copyOf(resourceChanges);
        Objects.requireNonNull(enginePlan, "enginePlan");
    }

    /** A change without an engine plan (the direct engine, or nothing Terraform owns changes). */
    public ChangePlan(String slug, int version, TenantRequest before, TenantRequest after, List<FieldChange> changes,
                      TierConfig tierBefore, TierConfig tierAfter, List<FieldChange> tierChanges,
                      List<String> resourceChanges, CostEstimate costBefore, CostEstimate costAfter,
                      ApprovalRoute route) {
        this(slug, version, before, after, changes, tierBefore, tierAfter, tierChanges, resourceChanges, costBefore,
                costAfter, route, Optional.empty());
    }

    /** This change with the engine's saved plan for it. */
    public ChangePlan withEnginePlan(PlanForApproval plan) {
        return new ChangePlan(slug, version, before, after, changes, tierBefore, tierAfter, tierChanges,
                resourceChanges, costBefore, costAfter, route, Optional.of(plan));
    }

    /** Whether the change rewrites anything on the tenant's resources (tags, quotas, limits). */
    public boolean touchesResources() {
        return !resourceChanges.isEmpty();
    }
}
