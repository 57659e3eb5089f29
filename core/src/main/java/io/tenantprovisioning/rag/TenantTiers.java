package io.tenantprovisioning.rag;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.TierConfig;

/** The tier config of a tenant (the registry in production): model, max tokens and temperature of answers. */
@FunctionalInterface
public interface TenantTiers {

    TierConfig tierOf(Slug slug);
}
