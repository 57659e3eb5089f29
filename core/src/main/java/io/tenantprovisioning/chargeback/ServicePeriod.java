package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.model.TenantState;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a tenant was in service, which decides the months it is billed for: from its first move to
 * ACTIVE until its move to OFFBOARDED (when its resources were destroyed), open-ended while it runs.
 * DEGRADED and OFFBOARDING lie inside that span. A tenant that never became ACTIVE (rejected,
 * rolled back, still waiting or provisioning) was never in service: a failed provisioning is the
 * platform's cost, not the tenant's.
 *
 * @param end null while the tenant is still in service
 */
record ServicePeriod(Instant start, Instant end) {

    /** States a tenant can only be in after it went ACTIVE. */
    private static final Set<String> SERVED = Set.of(TenantState.ACTIVE.name(), TenantState.DEGRADED.name(),
            TenantState.OFFBOARDING.name(), TenantState.OFFBOARDED.name());

    ServicePeriod {
        Objects.requireNonNull(start, "start");
    }

    /**
     * The tenant's service period from its audit trail (the slug's rows, oldest first). Rows older
     * than the tenant belong to an earlier tenant with the same slug and are skipped; the trail ends
     * at the first finished state. Without an ACTIVE row (a row written outside the workflow), a
     * tenant whose state shows it was served falls back to created_at, and, when OFFBOARDED, to
     * updated_at (the last change of a finished row) as the end.
     */
    static Optional<ServicePeriod> of(TenantRecord tenant, List<AuditRecord> trail) {
        Instant start = null;
        for (AuditRecord row : trail) {
            if (row.toState() == null || (tenant.createdAt() != null && row.at().isBefore(tenant.createdAt()))) {
                continue;
            }
            if (start == null && TenantState.ACTIVE.name().equals(row.toState())) {
                start = row.at();
            }
            Optional<TenantState> to = TenantState.parse(row.toState());
            if (to.isPresent() && to.get().finished()) {
                return start == null ? Optional.empty() : Optional.of(new ServicePeriod(start, row.at()));
            }
        }
        if (start != null) {
            return Optional.of(new ServicePeriod(start, null));
        }
        return fromTimestamps(tenant);
    }

    private static Optional<ServicePeriod> fromTimestamps(TenantRecord tenant) {
        if (!servedState(tenant.state().name()) || tenant.createdAt() == null) {
            return Optional.empty();
        }
        boolean offboarded = tenant.state() == TenantState.OFFBOARDED;
        return Optional.of(new ServicePeriod(tenant.createdAt(), offboarded ? tenant.updatedAt() : null));
    }

    /** Whether a tenant in this state has been in service (ACTIVE at some point). */
    static boolean servedState(String state) {
        return SERVED.contains(state);
    }

    /** In service at any moment of the calendar month in that zone (start inclusive, end exclusive). */
    boolean billableIn(YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return start.isBefore(until) && (end == null || end.isAfter(from));
    }
}
