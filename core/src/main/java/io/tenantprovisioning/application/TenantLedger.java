package io.tenantprovisioning.application;

import io.tenantprovisioning.chargeback.CostReport;
import io.tenantprovisioning.chargeback.CostReportBuilder;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ChainVerification;
import io.tenantprovisioning.registry.ExpectedHead;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registry-only side of the application: the tenants' records, their audit trail and its
 * verification, approval decisions, the month's chargeback and the fleet report — everything that
 * needs no service but the registry, so `list`, `show`, `audit`, `approve`, `cost` and `report`
 * start without the drivers.
 */
public final class TenantLedger implements AutoCloseable {

    private final Registry registry;
    private final boolean owned;

    TenantLedger(Registry registry, boolean owned) {
        this.registry = registry;
        this.owned = owned;
    }

    /** Opens the registry (running its migrations); closing the ledger closes it. */
    public static TenantLedger open(Settings settings) {
        return new TenantLedger(Registry.open(settings), true);
    }

    /**
     * Opens the registry for the read commands (list, show, audit): its migrations run only when it lacks
     * one this build ships, instead of on every call.
     */
    public static TenantLedger openForReading(Settings settings) {
        return new TenantLedger(Registry.openCurrent(settings), true);
    }

    public List<TenantRecord> list(Optional<TenantState> state) {
        return registry.tenants().list(state.map(Enum::name));
    }

    public Optional<TenantRecord> find(Slug slug) {
        return registry.tenants().find(slug);
    }

    /** @throws io.tenantprovisioning.registry.UnknownTenantException when there is no such tenant */
    public TenantRecord require(Slug slug) {
        return registry.tenants().require(slug);
    }

    public TenantDetails details(Slug slug) {
        TenantRecord tenant = registry.tenants().require(slug);
        return new TenantDetails(tenant,
                registry.requests().byId(tenant.requestId()),
                registry.approvals().forRequest(tenant.requestId()),
                registry.journal().entries(tenant.id()),
                registry.validationRuns().last(tenant.id()),
                registry.configVersions().forTenant(tenant.id()),
                CredentialAge.inUse(CredentialAge.of(registry.secretStamps().of(List.of(slug)).get(slug.value()),
                        java.time.Instant.now())),
                plans(tenant));
    }

    /** The request's saved plans, then each change's (terraform: a change is a plan too), oldest first. */
    private List<RequestPlan> plans(TenantRecord tenant) {
        List<RequestPlan> plans = new ArrayList<>(registry.requestPlans().forRequest(tenant.requestId()));
        registry.configVersions().forTenant(tenant.id()).stream().filter(v -> v.version() > 1)
                .sorted(Comparator.comparingInt(ConfigVersion::version))
                .forEach(v -> plans.addAll(registry.requestPlans().forRequest(v.requestId())));
        return plans;
    }

    /** The tenant's audit rows, oldest first; an unknown tenant is refused, a known one may have none. */
    public List<AuditRecord> audit(Slug slug) {
        List<AuditRecord> rows = registry.audit().forTenant(slug.value());
        if (rows.isEmpty()) {
            registry.tenants().require(slug);
        }
        return rows;
    }

    /** Re-computes the whole log's hash chain (keyed rows need AUDIT_HMAC_KEY). */
    public ChainVerification verifyAudit() {
        return registry.audit().verify();
    }

    /** {@link #verifyAudit()}, and the chain must still reach the head recorded elsewhere unchanged. */
    public ChainVerification verifyAudit(ExpectedHead expectedHead) {
        return registry.audit().verify(expectedHead);
    }

    /** The chargeback report of one calendar month (UTC). */
    public CostReport costReport(YearMonth month) {
        return new CostReportBuilder(registry).build(month);
    }

    /**
     * The fleet at this moment: tenants, validation trends, credential ages, drift and the current
     * month's chargeback per cost center (see {@link FleetReport}).
     */
    public FleetReport fleet(FleetQuery query) {
        return fleet(query, Clock.systemUTC());
    }

    FleetReport fleet(FleetQuery query, Clock clock) {
        return new FleetReportBuilder(registry, clock).build(query);
    }

    /** approve / reject by slug. */
    public DecideHandler decisions() {
        return new DecideHandler(registry);
    }

    @Override
    public void close() {
        if (owned) {
            registry.close();
        }
    }
}
