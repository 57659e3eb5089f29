package io.tenantprovisioning.chargeback;

import static io.tenantprovisioning.chargeback.CostFixture.FINANCE;
import static io.tenantprovisioning.chargeback.CostFixture.RESEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.cost.CostModel;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.plan.TenantPlan;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The cost report built from a real registry (see {@link CostFixture}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CostReportBuilderTest {

    private CostFixture fixture;
    private CostReport report;

    @BeforeAll
    void submitTenants() {
        fixture = new CostFixture();
        report = fixture.report;
    }

    @AfterAll
    void dropRegistry() throws SQLException {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theMonthHoldsExactlyTheTenantsThatWereInService() {
        assertThat(report.month()).isEqualTo(fixture.month);
        assertThat(report.lines()).extracting(CostReportLine::slug)
                .containsExactlyInAnyOrderElementsOf(fixture.billable.keySet());
        assertThat(report.lines()).extracting(CostReportLine::state)
                .containsExactlyInAnyOrder("ACTIVE", "ACTIVE", "DEGRADED", "OFFBOARDED");
        assertThat(report.lines()).extracting(l -> l.costCenter() + "/" + l.slug())
                .as("sorted by cost center, then slug").isSorted();
    }

    @Test
    void everyFigureIsTheCostModelsEstimateForTheSameRequest() {
        CostModel model = new CostModel(fixture.throwaway.settings().longValue(Setting.COST_BASE_MONTHLY_INR),
                TierCatalog.load());
        for (CostReportLine line : report.lines()) {
            TenantPlan plan = fixture.billable.get(line.slug());
            assertThat(line.estimate()).as(line.slug().value()).isEqualTo(model.estimate(plan.request()));
            assertThat(line.monthlyInr()).isEqualTo(Math.round(line.estimate().baseMonthlyInr()
                    * line.estimate().tierMultiplier() * line.estimate().regionMultiplier().doubleValue()));
            assertThat(line.tags()).isEqualTo(plan.tags());
            assertThat(line.costCenter()).isEqualTo(plan.request().costCenter());
            assertThat(line.name()).isEqualTo(plan.request().name());
            assertThat(line.tier()).isEqualTo(plan.request().tier());
            assertThat(line.region()).isEqualTo(plan.request().region().code());
        }
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.tags().asMap().keySet())
                .containsExactly("TenantID", "Tier", "CostCenter", "ManagedBy", "RequestId"));
        // the regions differ, so a report that ignored the region multiplier would fail above
        assertThat(report.lines()).extracting(l -> l.estimate().regionMultiplier().doubleValue())
                .contains(0.9, 1.2, 1.25);
    }

    @Test
    void totalsAddUpPerCostCenterAndOverall() {
        Map<String, Long> expected = fixture.billable.values().stream().collect(Collectors.groupingBy(
                p -> p.request().costCenter(), Collectors.summingLong(p -> p.cost().monthlyInr())));

        assertThat(report.costCenters()).extracting(CostCenterTotal::costCenter).containsExactly(FINANCE, RESEARCH);
        for (CostCenterTotal center : report.costCenters()) {
            assertThat(center.monthlyInr()).isEqualTo(expected.get(center.costCenter()));
            assertThat(center.tenants()).isEqualTo(2);
            assertThat(report.linesOf(center.costCenter())).hasSize(2);
        }
        assertThat(report.totalMonthlyInr())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.lines().stream().mapToLong(CostReportLine::monthlyInr).sum());
    }

    @Test
    void otherMonthsFollowTheServicePeriods() {
        CostReport before = new CostReportBuilder(fixture.registry).build(fixture.month.minusMonths(1));
        assertThat(before.lines()).as("nothing was in service before this month").isEmpty();
        assertThat(before.costCenters()).isEmpty();
        assertThat(before.totalMonthlyInr()).isZero();

        CostReport next = new CostReportBuilder(fixture.registry).build(fixture.month.plusMonths(1));
        assertThat(next.lines()).extracting(CostReportLine::state)
                .as("the offboarded tenant drops out; the running ones are projected")
                .containsExactlyInAnyOrder("ACTIVE", "ACTIVE", "DEGRADED");
    }
}
