package io.tenantprovisioning.registry;

import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierConfig;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One tenant row. The registry stores states; {@link TenantState} decides which moves between them
 * are legal.
 *
 * @param tierConfig the tier's configuration as it was when the tenant was requested
 * @param engine     the engine that provisions it, null until provisioning starts
 */
public record TenantRecord(
        UUID id,
        Slug slug,
        String name,
        Tier tier,
        String region,
        TenantState state,
        TierConfig tierConfig,
        CostEstimate cost,
        String engine,
        UUID requestId,
        Instant createdAt,
        Instant updatedAt) {

    public TenantRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestId, "requestId");
    }

    public Optional<String> engineName() {
        return Optional.ofNullable(engine);
    }
}
