package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.Tier;
import java.util.Objects;

/**
 * One billable tenant in a {@link CostReport}.
 *
 * @param state    the tenant's lifecycle state when the report was built
 * @param estimate the estimate stored when the tenant was requested (the figure chargeback uses)
 * @param tags     the tags its resources carry, which chargeback keys on
 */
public record CostReportLine(
        Slug slug,
        String name,
        Tier tier,
        String region,
        String state,
        String costCenter,
        CostEstimate estimate,
        ChargebackTags tags) {

    public CostReportLine {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(costCenter, "costCenter");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(tags, "tags");
    }

    /** The estimated monthly cost in whole rupees. */
    public long monthlyInr() {
        return estimate.monthlyInr();
    }
}
