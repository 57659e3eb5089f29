package io.tenantprovisioning.plan;

import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.resource.PlannedResource;
import io.tenantprovisioning.tier.TierConfig;
import java.util.List;

/** Everything a provisioning run will do, computed before anything is touched. */
public record TenantPlan(
        TenantRequest request,
        String requestId,
        TierConfig tierConfig,
        CostEstimate cost,
        ApprovalRoute approvalRoute,
        ChargebackTags tags,
        List<PlannedResource> resources) {

    public TenantPlan {
        resources = List.copyOf(resources);
    }
}
