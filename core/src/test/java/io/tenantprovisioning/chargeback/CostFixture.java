package io.tenantprovisioning.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.application.TenantSubmission;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throwaway registry with tenants submitted and moved through the real workflow, in two cost
 * centers: four billable this month (two ACTIVE, one DEGRADED, one OFFBOARDED today) and three
 * that are not (rolled back, still provisioning, waiting for approval).
 */
final class CostFixture implements AutoCloseable {

    static final String FINANCE = "FINANCE-OPS";
    static final String RESEARCH = "RESEARCH";

    final ThrowawayRegistry throwaway;
    final Registry registry;
    /** The billable tenants' plans, by slug. */
    final Map<Slug, TenantPlan> billable = new LinkedHashMap<>();
    /** A name with a comma, quotes and markup. */
    final String awkwardName = "Acme, \"Q\" <i>&Co " + suffix();
    /** A name a spreadsheet would run as a formula. */
    final String formulaName = "=Sum, x " + suffix();
    final YearMonth month;
    final CostReport report;
    private final Lifecycle lifecycle;

    CostFixture() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
        lifecycle = new Lifecycle(registry);
        Slug acme = active(submit(awkwardName, "gold", "us-east-1", FINANCE));
        active(submit("Beta Labs " + suffix(), "silver", "ap-south-1", FINANCE));
        Slug sum = active(submit(formulaName, "bronze", "eu-west-1", RESEARCH));
        lifecycle.transition(sum, TenantState.ACTIVE, TenantState.DEGRADED, "test", "a check failed");
        Slug gone = active(submit("Gone Corp " + suffix(), "gold", "eu-central-1", RESEARCH));
        move(gone, TenantState.ACTIVE, TenantState.OFFBOARDING, TenantState.OFFBOARDED);

        Slug rolledBack = submit("Failed Corp " + suffix(), "bronze", "us-east-1", RESEARCH).request().slug();
        move(rolledBack, TenantState.APPROVED, TenantState.PROVISIONING, TenantState.ROLLING_BACK,
                TenantState.ROLLED_BACK);
        Slug busy = submit("Busy Corp " + suffix(), "gold", "us-east-1", FINANCE).request().slug();
        move(busy, TenantState.APPROVED, TenantState.PROVISIONING);
        new TenantSubmission(registry).submit(plan("Waiting Corp " + suffix(), "gold", "us-east-1", "2000000",
                FINANCE), "requester@example.com");

        // the month the tenants went ACTIVE in, read back rather than assumed
        List<AuditRecord> trail = registry.audit().forTenant(acme.value());
        month = YearMonth.from(trail.get(trail.size() - 1).at().atZone(CostReportBuilder.UTC));
        report = new CostReportBuilder(registry).build(month);
    }

    private TenantPlan submit(String name, String tier, String region, String costCenter) {
        TenantPlan plan = plan(name, tier, region, "900000", costCenter);
        assertThat(new TenantSubmission(registry).submit(plan, "requester@example.com").state())
                .isEqualTo(TenantState.APPROVED);
        return plan;
    }

    private Slug active(TenantPlan plan) {
        Slug slug = plan.request().slug();
        move(slug, TenantState.APPROVED, TenantState.PROVISIONING, TenantState.CONFIGURING, TenantState.VALIDATING,
                TenantState.ACTIVE);
        billable.put(slug, plan);
        return slug;
    }

    private void move(Slug slug, TenantState... path) {
        for (int i = 1; i < path.length; i++) {
            lifecycle.transition(slug, path[i - 1], path[i], "cost-test", "to " + path[i]);
        }
    }

    static TenantPlan plan(String name, String tier, String region, String budget, String costCenter) {
        return TestRequests.plan(TestRequests.request(new RequestDraft(name, tier, region, budget,
                "owner@example.com", "INTERNAL", "NONE", false, costCenter, null)));
    }

    private static String suffix() {
        return TestServices.uniqueSlug("x").value().substring(2);
    }

    @Override
    public void close() throws SQLException {
        throwaway.close();
    }
}
