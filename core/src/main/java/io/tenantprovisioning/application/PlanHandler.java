package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierCatalog;

/**
 * plan: validates a request and computes its plan (names, tags, tier config, cost, approval route)
 * without touching anything — not even the registry, so it works before any service is up.
 */
public final class PlanHandler {

    private final RequestValidator validator;
    private final TenantPlanner planner;

    PlanHandler(RequestValidator validator, TenantPlanner planner) {
        this.validator = validator;
        this.planner = planner;
    }

    public static PlanHandler fromSettings(Settings settings) {
        return new PlanHandler(new RequestValidator(RegionCatalog.load()), TenantPlanner.from(settings,
                TierCatalog.load()));
    }

    /** @throws io.tenantprovisioning.request.InvalidRequestException listing every problem */
    public TenantPlan plan(RequestDraft draft) {
        TenantRequest request = validator.validate(draft);
        return planner.plan(request, TenantPlanner.requestIdFor(request));
    }
}
