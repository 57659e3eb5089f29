package io.tenantprovisioning.approval;

import static io.tenantprovisioning.approval.ApproverGroup.CFO;
import static io.tenantprovisioning.approval.ApproverGroup.COMPLIANCE;
import static io.tenantprovisioning.approval.ApproverGroup.CTO;
import static io.tenantprovisioning.approval.ApproverGroup.DPO;
import static io.tenantprovisioning.approval.ApproverGroup.LEGAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.TenantRequest;
import org.junit.jupiter.api.Test;

/** The route of a change is computed from what the change brings, not from the configuration it ends in. */
class ChangeRouteTest {

    private final ApprovalPolicy policy = ApprovalPolicy.defaults();
    private final RequestValidator validator = new RequestValidator(RegionCatalog.load());

    private TenantRequest config(String tier, long budget, String classification, String jurisdiction,
                                 boolean crossBorder, String costCenter) {
        return validator.validate(new RequestDraft("Acme", tier, "eu-west-1", String.valueOf(budget),
                "o@acme.example", classification, jurisdiction, crossBorder, costCenter, null));
    }

    private TenantRequest config(String tier, long budget) {
        return config(tier, budget, "INTERNAL", "NONE", false, null);
    }

    @Test
    void anUpgradeToGoldAddsTheCtoEvenUnderTheBudgetThreshold() {
        ApprovalRoute route = policy.routeForChange(config("silver", 500_000), config("gold", 500_000));
        assertThat(route.groups()).containsExactly(CTO);
        assertThat(route.steps().get(0).reason()).contains("upgrade from Silver to Gold");
    }

    @Test
    void aBudgetCrossingTheAutoApproveThresholdAddsTheCfo() {
        assertThat(policy.routeForChange(config("bronze", 900_000), config("bronze", 1_000_000)).groups())
                .containsExactly(CFO);
    }

    @Test
    void aBudgetCrossingTheExecutiveThresholdAddsCfoCtoAndLegal() {
        assertThat(policy.routeForChange(config("bronze", 2_000_000), config("bronze", 6_000_000)).groups())
                .containsExactly(CFO, CTO, LEGAL);
    }

    @Test
    void aBudgetThatStaysOnItsSideOfTheThresholdsNeedsNobody() {
        // the new request would need the CFO, but the budget was already above the threshold
        assertThat(policy.routeForChange(config("bronze", 1_500_000), config("bronze", 2_000_000)).autoApproved())
                .isTrue();
        assertThat(policy.routeForChange(config("bronze", 900_000), config("bronze", 100_000)).autoApproved())
                .isTrue();
    }

    @Test
    void aMoveToPiiOrPhiAddsLegalAndCompliance() {
        assertThat(policy.routeForChange(config("bronze", 100_000),
                config("bronze", 100_000, "PII", "NONE", false, null)).groups()).containsExactly(LEGAL, COMPLIANCE);
        assertThat(policy.routeForChange(config("bronze", 100_000, "PII", "NONE", false, null),
                config("bronze", 100_000, "PHI", "NONE", false, null)).groups()).containsExactly(LEGAL, COMPLIANCE);
        assertThat(policy.routeForChange(config("bronze", 100_000, "PII", "NONE", false, null),
                config("bronze", 100_000, "INTERNAL", "NONE", false, null)).autoApproved()).isTrue();
    }

    @Test
    void aNewCrossBorderTransferAddsTheDpo() {
        assertThat(policy.routeForChange(config("bronze", 100_000, "INTERNAL", "GDPR", false, null),
                config("bronze", 100_000, "INTERNAL", "GDPR", true, null)).groups()).containsExactly(DPO);
        // already transferring the same data: nothing new for the DPO
        assertThat(policy.routeForChange(config("bronze", 100_000, "INTERNAL", "GDPR", true, null),
                config("bronze", 200_000, "INTERNAL", "GDPR", true, null)).autoApproved()).isTrue();
    }

    @Test
    void aDowngradeOrANewCostCenterIsAutoApproved() {
        assertThat(policy.routeForChange(config("gold", 2_000_000), config("silver", 2_000_000, "INTERNAL", "NONE",
                false, "CC_FINANCE")).autoApproved()).isTrue();
    }

    @Test
    void everythingAtOnceNamesEveryGroupOnce() {
        ApprovalRoute route = policy.routeForChange(config("silver", 500_000, "INTERNAL", "GDPR", false, null),
                config("gold", 1_200_000, "PHI", "GDPR", true, null));
        assertThat(route.groups()).containsExactly(CFO, CTO, LEGAL, COMPLIANCE, DPO);
    }
}
