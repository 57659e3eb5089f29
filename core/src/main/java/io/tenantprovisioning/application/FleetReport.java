package io.tenantprovisioning.application;

import io.tenantprovisioning.chargeback.CostCenterTotal;
import io.tenantprovisioning.model.TenantState;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole fleet at one moment, for `tenantctl report` and the nightly job's page: every tenant
 * with its state, cost, validation history, credential ages and drift, and what each cost center is
 * charged. Built from the registry alone; it holds names and timestamps of credentials, never a secret.
 *
 * @param generatedAt     the moment ages are measured from
 * @param chargebackMonth the calendar month (UTC) of {@code costCenters}: the same figures as
 *                        {@code tenantctl cost --month} for that month
 * @param costCenters     per cost center, the tenants billable that month and their summed estimates
 */
public record FleetReport(
        Instant generatedAt,
        FleetQuery query,
        List<FleetTenant> tenants,
        YearMonth chargebackMonth,
        List<CostCenterTotal> costCenters,
        long totalMonthlyInr) {

    public FleetReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(chargebackMonth, "chargebackMonth");
        tenants = List.copyOf(tenants);
        costCenters = List.copyOf(costCenters);
    }

    /** How many tenants are in each state, in lifecycle order; states nobody is in are left out. */
    public Map<TenantState, Integer> countByState() {
        Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
        tenants.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts;
    }
}
