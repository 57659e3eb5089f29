package io.tenantprovisioning.testing;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.tier.TierConfig;
import java.util.Map;

/** Tenant specs and accesses for vector tests: real tier catalog, real chargeback tags. */
public final class VectorFixtures {

    private static final TierCatalog TIERS = TierCatalog.load();

    private VectorFixtures() {
    }

    public static TierConfig tier(Tier tier) {
        return TIERS.config(tier);
    }

    public static Map<String, String> tags(Slug slug, Tier tier) {
        return new ChargebackTags(slug.value(), tier.displayName(), slug.defaultCostCenter(),
                ChargebackTags.MANAGED_BY_VALUE, "req-" + slug.value()).asMap();
    }

    public static TenantResourceSpec spec(Slug slug, Tier tier) {
        return new TenantResourceSpec(slug, tags(slug, tier), tier(tier));
    }

    public static TenantAccess access(Slug slug, Tier tier) {
        return new TenantAccess(slug, tags(slug, tier), tier(tier),
                Map.of("vector.namespace", slug.qualifiedName()), Map.of());
    }
}
