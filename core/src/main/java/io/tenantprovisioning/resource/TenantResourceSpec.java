package io.tenantprovisioning.resource;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.TierConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a driver needs to create one tenant's resource: the slug (every name derives from it),
 * the tags (TenantID, Tier, CostCenter, ManagedBy, RequestId), the tier config (quotas) and the region
 * the request asked for (empty: the deployment's own, e.g. a canary).
 */
public record TenantResourceSpec(Slug slug, Map<String, String> tags, TierConfig tierConfig, Optional<String> region) {
    public TenantResourceSpec {
        tags = Map.copyOf(tags);
        Objects.requireNonNull(region, "region");
    }

    /** A spec without a region of its own: resources go to the deployment's region. */
    public TenantResourceSpec(Slug slug, Map<String, String> tags, TierConfig tierConfig) {
        this(slug, tags, tierConfig, Optional.empty());
    }
}
