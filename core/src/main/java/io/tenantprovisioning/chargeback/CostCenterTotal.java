package io.tenantprovisioning.chargeback;

/** What one cost center is charged for a month: how many tenants, and their summed monthly estimates. */
public record CostCenterTotal(String costCenter, int tenants, long monthlyInr) {
}
