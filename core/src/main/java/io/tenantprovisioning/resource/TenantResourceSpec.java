package io.tenantprovisioning.resource;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.TierConfig;
import java.util.Map;

/**
 * What a driver needs to create one tenant's resource: the slug (every name derives from it),
 * the tags (TenantID, Tier, CostCenter, ManagedBy, RequestId) and the tier config (quotas).
 */
public record TenantResourceSpec(Slug slug, Map<String, String> tags, TierConfig tierConfig) {
    public TenantResourceSpec {
        tags = Map.copyOf(tags);
    }
}
