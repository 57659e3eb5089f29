package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.tier.TierConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds driver specs and validation views of test tenants. */
public final class TestTenants {

    private static final TierCatalog TIERS = TierCatalog.load();

    private TestTenants() {
    }

    public static TierConfig tierConfig(Tier tier) {
        return TIERS.config(tier);
    }

    /** The chargeback tags of a test tenant on the given tier. */
    public static Map<String, String> tags(Slug slug, Tier tier) {
        return new ChargebackTags(slug.value(), tier.displayName(), slug.defaultCostCenter(),
                ChargebackTags.MANAGED_BY_VALUE, "req-" + slug.value()).asMap();
    }

    public static TenantResourceSpec spec(Slug slug, Tier tier) {
        return new TenantResourceSpec(slug, tags(slug, tier), tierConfig(tier));
    }

    /** What validation sees of a tenant whose resources returned these results. */
    public static TenantAccess access(TenantResourceSpec spec, List<CreatedResource> resources) {
        Map<String, String> attributes = new HashMap<>();
        Map<String, Secret> secrets = new HashMap<>();
        for (CreatedResource r : resources) {
            attributes.putAll(r.attributes());
            secrets.putAll(r.secrets());
        }
        return new TenantAccess(spec.slug(), spec.tags(), spec.tierConfig(), attributes, secrets);
    }
}
