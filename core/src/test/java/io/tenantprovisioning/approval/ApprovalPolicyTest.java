package io.tenantprovisioning.approval;

import static io.tenantprovisioning.approval.ApproverGroup.CFO;
import static io.tenantprovisioning.approval.ApproverGroup.COMPLIANCE;
import static io.tenantprovisioning.approval.ApproverGroup.CTO;
import static io.tenantprovisioning.approval.ApproverGroup.DPO;
import static io.tenantprovisioning.approval.ApproverGroup.LEGAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.TenantRequest;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = ApprovalPolicy.defaults();
    private final RequestValidator validator = new RequestValidator(RegionCatalog.load());

    private TenantRequest request(String tier, long budget, String classification, String jurisdiction,
                                  String region, boolean crossBorder) {
        return validator.validate(new RequestDraft("Acme", tier, region, String.valueOf(budget),
                "o@acme.example", classification, jurisdiction, crossBorder, null, null));
    }

    private TenantRequest request(String tier, long budget) {
        return request(tier, budget, "INTERNAL", "NONE", "us-east-1", false);
    }

    @Test
    void belowThresholdIsAutoApprovedEvenForGold() {
        assertThat(policy.route(request("bronze", 999_999)).autoApproved()).isTrue();
        assertThat(policy.route(request("gold", 999_999)).autoApproved()).isTrue();
    }

    @Test
    void exactlyTheThresholdNeedsTheCfo() {
        assertThat(policy.route(request("silver", 1_000_000)).groups()).containsExactly(CFO);
    }

    @Test
    void goldAboveThresholdAddsCto() {
        ApprovalRoute route = policy.route(request("gold", 2_000_000));
        assertThat(route.groups()).containsExactly(CFO, CTO);
        assertThat(route.steps().get(1).reason()).contains("Gold");
    }

    @Test
    void aboveFiftyLakhNeedsCfoCtoAndLegal() {
        assertThat(policy.route(request("bronze", 5_000_000)).groups()).containsExactly(CFO);
        assertThat(policy.route(request("bronze", 5_000_001)).groups()).containsExactly(CFO, CTO, LEGAL);
    }

    @Test
    void sensitiveDataNeedsLegalAndComplianceWhateverTheBudget() {
        assertThat(policy.route(request("bronze", 10_000, "PII", "NONE", "us-east-1", false)).groups())
                .containsExactly(LEGAL, COMPLIANCE);
        assertThat(policy.route(request("bronze", 10_000, "PHI", "HIPAA", "us-east-1", false)).groups())
                .containsExactly(LEGAL, COMPLIANCE);
    }

    @Test
    void crossBorderNeedsTheDpoAndGroupsAreNeverDuplicated() {
        ApprovalRoute route = policy.route(request("gold", 6_000_000, "PII", "GDPR", "us-east-1", true));
        assertThat(route.groups()).containsExactly(CFO, CTO, LEGAL, COMPLIANCE, DPO);
        assertThat(route.steps().get(2).reason()).contains("executive threshold").contains("PII");
    }

    @Test
    void thresholdsAreConfigurableAndChecked() {
        ApprovalPolicy custom = new ApprovalPolicy(500, 1000);
        assertThat(custom.route(request("bronze", 500)).groups()).containsExactly(CFO);
        assertThatThrownBy(() -> new ApprovalPolicy(1000, 500)).hasMessageContaining("executive");
    }
}
