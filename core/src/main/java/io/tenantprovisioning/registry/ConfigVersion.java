package io.tenantprovisioning.registry;

import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a tenant's configuration. The whole configuration is the request {@code requestId}
 * names (in provisioning_requests); this row says what it changed, who asked, and what became of it.
 *
 * @param changes         the fields this version changed from the one before it (empty for version 1)
 * @param changedBy       who asked for it (the operator, the build's user); version 1: the tenant's requester
 * @param changedBySource where that identity came from (e.g. "cli:TENANTCTL_OPERATOR"); null when not recorded
 * @param note            why it failed or was rejected; null otherwise
 */
public record ConfigVersion(
        UUID tenantId,
        int version,
        UUID requestId,
        ConfigVersionStatus status,
        Tier tier,
        TierConfig tierConfig,
        CostEstimate cost,
        List<FieldChange> changes,
        String changedBy,
        String changedBySource,
        String note,
        Instant createdAt,
        Instant updatedAt) {

    public ConfigVersion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        changes = List.copyOf(changes);
    }
}
