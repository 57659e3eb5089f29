package io.tenantprovisioning.request;

import io.tenantprovisioning.tier.Tier;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to onboard one tenant. Only {@link RequestValidator} builds these from user
 * input, so holding one means every rule has been checked.
 *
 * @param budgetInr     annual budget in whole rupees
 * @param costCenter    the cost center chargeback keys on ({@code CC_<SLUG>} unless given)
 * @param idempotencyKey null when the requester gave none
 */
public record TenantRequest(
        String name,
        Slug slug,
        Tier tier,
        Region region,
        long budgetInr,
        EmailAddress ownerEmail,
        DataClassification classification,
        DataJurisdiction jurisdiction,
        boolean crossBorderTransfer,
        String costCenter,
        String idempotencyKey) {

    public TenantRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(costCenter, "costCenter");
    }

    public Optional<String> idempotency() {
        return Optional.ofNullable(idempotencyKey);
    }
}
