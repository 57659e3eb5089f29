package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.util.Map;

/** Builds {@link TenantAccess} values for validation tests. */
public final class TestTenants {

    private TestTenants() {
    }

    public static TenantAccess access(Slug slug, Map<String, String> attributes, Map<String, Secret> secrets) {
        return new TenantAccess(slug, tags(slug, Tier.GOLD), TierCatalog.load().config(Tier.GOLD), attributes, secrets);
    }

    public static TenantAccess access(Slug slug) {
        return access(slug, Map.of(), Map.of());
    }

    public static Map<String, String> tags(Slug slug, Tier tier) {
        return new ChargebackTags(slug.value(), tier.displayName(), slug.defaultCostCenter(),
                ChargebackTags.MANAGED_BY_VALUE, "req-" + slug.value()).asMap();
    }
}
