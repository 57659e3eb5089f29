package io.tenantprovisioning.approval;

import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides who must approve a request. A pure function of the request and two thresholds.
 *
 * <ul>
 *   <li>budget &lt; auto-approve threshold and nothing sensitive → auto-approved;</li>
 *   <li>budget ≥ threshold → CFO; &gt; executive threshold → CFO, CTO, Legal; Gold (when approval is
 *       needed for the budget) → CTO;</li>
 *   <li>PII or PHI → Legal and Compliance, and cross-border transfer → DPO, whatever the budget:
 *       a small budget must not let sensitive data past Legal.</li>
 * </ul>
 *
 * @param autoApproveThresholdInr budgets from this amount up need the CFO (default 10 lakh)
 * @param executiveThresholdInr   budgets above this need CFO, CTO and Legal (default 50 lakh)
 */
public record ApprovalPolicy(long autoApproveThresholdInr, long executiveThresholdInr) {

    public static final long DEFAULT_AUTO_APPROVE_THRESHOLD = 1_000_000L;
    public static final long DEFAULT_EXECUTIVE_THRESHOLD = 5_000_000L;

    public ApprovalPolicy {
        if (autoApproveThresholdInr <= 0 || executiveThresholdInr < autoApproveThresholdInr) {
            throw new IllegalArgumentException("approval thresholds must satisfy 0 < auto-approve ("
                    + autoApproveThresholdInr + ") <= executive (" + executiveThresholdInr + ")");
        }
    }

    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(DEFAULT_AUTO_APPROVE_THRESHOLD, DEFAULT_EXECUTIVE_THRESHOLD);
    }

    public ApprovalRoute route(TenantRequest request) {
        Map<ApproverGroup, List<String>> reasons = new EnumMap<>(ApproverGroup.class);
        long budget = request.budgetInr();
        if (budget >= autoApproveThresholdInr) {
            add(reasons, ApproverGroup.CFO, "budget ₹" + budget + " ≥ auto-approve threshold ₹" + autoApproveThresholdInr);
            if (request.tier() == Tier.GOLD) {
                add(reasons, ApproverGroup.CTO, "Gold tier above the auto-approve threshold");
            }
        }
        if (budget > executiveThresholdInr) {
            String why = "budget ₹" + budget + " > executive threshold ₹" + executiveThresholdInr;
            add(reasons, ApproverGroup.CFO, why);
            add(reasons, ApproverGroup.CTO, why);
            add(reasons, ApproverGroup.LEGAL, why);
        }
        if (request.classification().isSensitive()) {
            String why = request.classification() + " data";
            add(reasons, ApproverGroup.LEGAL, why);
            add(reasons, ApproverGroup.COMPLIANCE, why);
        }
        if (request.crossBorderTransfer()) {
            add(reasons, ApproverGroup.DPO, "cross-border transfer of " + request.jurisdiction() + " data");
        }
        List<ApprovalStep> steps = new ArrayList<>();
        reasons.forEach((group, why) -> steps.add(new ApprovalStep(group, String.join("; ", why))));
        return new ApprovalRoute(steps);
    }

    private static void add(Map<ApproverGroup, List<String>> reasons, ApproverGroup group, String why) {
        reasons.computeIfAbsent(group, g -> new ArrayList<>()).add(why);
    }
}
