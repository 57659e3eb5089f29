package io.tenantprovisioning.cost;

import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Monthly cost = base monthly cost per tenant × tier multiplier × region multiplier, rounded half-up
 * to whole rupees. One base figure per tenant (not per resource kind) keeps the model explainable
 * to finance; the figure is configurable (COST_BASE_MONTHLY_INR).
 */
public record CostModel(long baseMonthlyInr, TierCatalog tiers) {

    public static final long DEFAULT_BASE_MONTHLY_INR = 25_000L;

    public CostModel {
        if (baseMonthlyInr <= 0) {
            throw new IllegalArgumentException("base monthly cost must be positive, got " + baseMonthlyInr);
        }
    }

    public CostEstimate estimate(TenantRequest request) {
        int tierMultiplier = tiers.config(request.tier()).costMultiplier();
        BigDecimal regionMultiplier = request.region().costMultiplier();
        long monthly = BigDecimal.valueOf(baseMonthlyInr)
                .multiply(BigDecimal.valueOf(tierMultiplier))
                .multiply(regionMultiplier)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long annual = Math.multiplyExact(monthly, 12L);
        return new CostEstimate(baseMonthlyInr, tierMultiplier, regionMultiplier, monthly, annual,
                annual > request.budgetInr());
    }
}
