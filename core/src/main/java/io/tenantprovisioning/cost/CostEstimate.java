package io.tenantprovisioning.cost;

import java.math.BigDecimal;

/**
 * A tenant's estimated cost in whole rupees.
 *
 * @param overBudget true when the annual estimate exceeds the requested budget
 */
public record CostEstimate(
        long baseMonthlyInr,
        int tierMultiplier,
        BigDecimal regionMultiplier,
        long monthlyInr,
        long annualInr,
        boolean overBudget) {
}
