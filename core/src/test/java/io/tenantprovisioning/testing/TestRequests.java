package io.tenantprovisioning.testing;

import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import java.util.UUID;

/** Valid tenant requests and their plans for tests, built through the real validator and planner. */
public final class TestRequests {

    private TestRequests() {
    }

    /** The tenant name whose slug is {@code slug} ("rg-abc" → "rg abc"). */
    public static String nameFor(Slug slug) {
        return slug.value().replace('-', ' ');
    }

    public static RequestDraft draft(Slug slug, String tier, long budget, String idempotencyKey) {
        return new RequestDraft(nameFor(slug), tier, "us-east-1", Long.toString(budget), "owner@example.com",
                "INTERNAL", "NONE", false, null, idempotencyKey);
    }

    /** Bronze, budget 5 lakh: auto-approved. */
    public static TenantRequest autoApproved(Slug slug) {
        return request(draft(slug, "bronze", 500_000, null));
    }

    /** Gold, budget 20 lakh: needs CFO and CTO. */
    public static TenantRequest needsCfoAndCto(Slug slug) {
        return request(draft(slug, "gold", 2_000_000, null));
    }

    public static TenantRequest request(RequestDraft draft) {
        return new RequestValidator(RegionCatalog.load()).validate(draft);
    }

    public static TenantPlan plan(TenantRequest request) {
        return TenantPlanner.from(TestServices.settings(), TierCatalog.load())
                .plan(request, UUID.randomUUID().toString());
    }
}
