package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One tenant of the fleet report, read from the registry only.
 *
 * @param costCenter     the cost center its chargeback goes to (from its request)
 * @param monthlyCostInr the estimate stored when it was requested, as `list` and `cost` show it
 * @param trend          its most recent recorded validation runs, oldest first; empty when never validated
 * @param credentials    its credentials' ages, by name; empty for a finished tenant (its secrets are gone)
 */
public record FleetTenant(
        UUID tenantId,
        Slug slug,
        String name,
        TenantState state,
        Tier tier,
        String region,
        String costCenter,
        long monthlyCostInr,
        List<ValidationSummary> trend,
        List<CredentialAge> credentials,
        DriftStatus drift) {

    public FleetTenant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(drift, "drift");
        trend = List.copyOf(trend);
        credentials = List.copyOf(credentials);
    }

    /** The most recent recorded run, if it was ever validated. */
    public Optional<ValidationSummary> lastValidation() {
        return trend.isEmpty() ? Optional.empty() : Optional.of(trend.get(trend.size() - 1));
    }

    /** The oldest credential, which is the one a rotation policy would look at first. */
    public Optional<CredentialAge> oldestCredential() {
        return credentials.stream().max(Comparator.comparing(CredentialAge::age));
    }
}
