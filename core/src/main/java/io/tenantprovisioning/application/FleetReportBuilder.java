package io.tenantprovisioning.application;

import io.tenantprovisioning.chargeback.CostReport;
import io.tenantprovisioning.chargeback.CostReportBuilder;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.SecretStamp;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@link FleetReport} from the registry: the tenants, their recent runs and last
 * re-validation (one query each for the whole fleet), the timestamps of their secrets, and the
 * month's chargeback through {@link CostReportBuilder}, so the page and `tenantctl cost` agree.
 */
final class FleetReportBuilder {

    private final Registry registry;
    private final Clock clock;

    FleetReportBuilder(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    FleetReport build(FleetQuery query) {
        Instant now = clock.instant();
        List<TenantRecord> tenants = registry.tenants().list(Optional.empty()).stream()
                .filter(t -> query.includeFinished() || !t.state().finished()).toList();
        List<UUID> ids = tenants.stream().map(TenantRecord::id).toList();
        Map<UUID, List<ValidationRunRecord>> runs = registry.validationRuns().recent(ids, query.trendRuns());
        Map<UUID, ValidationRunRecord> revalidations = registry.validationRuns()
                .lastWithCheck(ids, DriftDetector.CHECK_ID);
        // the vault is keyed by slug: only a live tenant owns the secrets under its slug
        Map<String, List<SecretStamp>> secrets = registry.secretStamps().of(tenants.stream()
                .filter(t -> !t.state().finished()).map(TenantRecord::slug).toList());
        List<FleetTenant> rows = new ArrayList<>();
        for (TenantRecord tenant : tenants) {
            rows.add(new FleetTenant(tenant.id(), tenant.slug(), tenant.name(), tenant.state(), tenant.tier(),
                    tenant.region(), costCenter(tenant), tenant.cost().monthlyInr(),
                    trend(runs.getOrDefault(tenant.id(), List.of())),
                    tenant.state().finished() ? List.of() : ages(secrets.get(tenant.slug().value()), now),
                    RecordedRuns.drift(Optional.ofNullable(revalidations.get(tenant.id())))));
        }
        CostReport chargeback = new CostReportBuilder(registry).build(YearMonth.from(now.atZone(ZoneOffset.UTC)));
        return new FleetReport(now, query, rows, chargeback.month(), chargeback.costCenters(),
                chargeback.totalMonthlyInr());
    }

    private String costCenter(TenantRecord tenant) {
        return registry.requests().byId(CostReportBuilder.configurationRequest(registry, tenant))
                .map(request -> CostReportBuilder.costCenterOf(tenant, request))
                .orElseGet(() -> tenant.slug().defaultCostCenter());
    }

    /** Newest-first runs from the registry, turned oldest first: a trend reads left to right. */
    private static List<ValidationSummary> trend(List<ValidationRunRecord> newestFirst) {
        List<ValidationSummary> trend = new ArrayList<>(newestFirst.stream().map(RecordedRuns::summary).toList());
        Collections.reverse(trend);
        return trend;
    }

    private static List<CredentialAge> ages(List<SecretStamp> stamps, Instant now) {
        return CredentialAge.of(stamps, now);
    }
}
