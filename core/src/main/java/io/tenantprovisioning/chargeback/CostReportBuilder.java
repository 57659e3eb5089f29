package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.cost.CostModel;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.model.TenantState;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@link CostReport} of a month from the registry.
 *
 * <p>Billing rule: a tenant is billable in a month when it was in service at any moment of that
 * calendar month (in the builder's zone, UTC by default): from its first move to ACTIVE, through
 * DEGRADED and OFFBOARDING, until its move to OFFBOARDED, all read from the audit trail (see
 * {@link ServicePeriod}). So ACTIVE and DEGRADED tenants are billable in every month from their
 * activation on (a future month gives a projection), an offboarded tenant in the months up to and
 * including the one it was offboarded in, and a tenant that never went ACTIVE in none. A tenant
 * billable in a month is charged its full monthly estimate for it: estimates are monthly figures
 * and prorating is finance's decision, not the estimator's.
 *
 * <p>Figures: each line carries the estimate stored with the tenant when it was requested
 * ({@code CostModel.estimate}: base × tier multiplier × region multiplier), never a recomputation
 * with today's prices; the cost center comes from the stored request.
 */
public final class CostReportBuilder {

    /** The default zone of the calendar months. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private final Registry registry;
    private final ZoneId zone;

    /** Months in UTC. */
    public CostReportBuilder(Registry registry) {
        this(registry, UTC);
    }

    public CostReportBuilder(Registry registry, ZoneId zone) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public CostReport build(YearMonth month) {
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        List<CostReportLine> lines = new ArrayList<>();
        for (TenantRecord tenant : registry.tenants().list(Optional.empty())) {
            if (mayBeBillable(tenant, monthStart, monthEnd) && billable(tenant, month)) {
                lines.add(line(tenant));
            }
        }
        return CostReport.of(month, zone, lines);
    }

    /**
     * A cheap pre-filter that spares reading the audit trail of tenants that cannot qualify: never
     * served (by their state), created after the month, or finished before it began.
     */
    private static boolean mayBeBillable(TenantRecord tenant, Instant monthStart, Instant monthEnd) {
        if (!ServicePeriod.servedState(tenant.state().name())
                || (tenant.createdAt() != null && !tenant.createdAt().isBefore(monthEnd))) {
            return false;
        }
        // a finished row is never updated again: updated_at is when it finished
        boolean finishedBefore = tenant.state() == TenantState.OFFBOARDED && tenant.updatedAt() != null
                && !tenant.updatedAt().isAfter(monthStart);
        return !finishedBefore;
    }

    private boolean billable(TenantRecord tenant, YearMonth month) {
        return ServicePeriod.of(tenant, registry.audit().forTenant(tenant.slug().value()))
                .map(period -> period.billableIn(month, zone))
                .orElse(false);
    }

    /** The cost center a tenant's chargeback goes to: its request's, or the slug's default for old rows. */
    public static String costCenterOf(TenantRecord tenant, StoredRequest request) {
        String costCenter = request.request().costCenter();
        // requests are stored with the validator's default filled in; this only covers older rows
        return costCenter == null || costCenter.isBlank() ? tenant.slug().defaultCostCenter() : costCenter;
    }

    /** The request holding the tenant's configuration now: its newest applied change's, else its first request. */
    public static UUID configurationRequest(Registry registry, TenantRecord tenant) {
        return registry.configVersions().current(tenant.id()).map(ConfigVersion::requestId)
                .orElse(tenant.requestId());
    }

    private CostReportLine line(TenantRecord tenant) {
        String costCenter = costCenterOf(tenant, registry.requests().require(configurationRequest(registry, tenant)));
        ChargebackTags tags = new ChargebackTags(tenant.slug().value(), tenant.tier().displayName(), costCenter,
                ChargebackTags.MANAGED_BY_VALUE, tenant.requestId().toString());
        return new CostReportLine(tenant.slug(), tenant.name(), tenant.tier(), tenant.region(), tenant.state().name(),
                costCenter, tenant.cost(), tags);
    }
}
