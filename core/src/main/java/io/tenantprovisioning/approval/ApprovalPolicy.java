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

    /**
     * Who must approve changing a serving tenant from {@code before} to {@code after}: only what the change
     * itself brings needs a person. An upgrade to Gold adds the CTO; a budget crossing the auto-approve
     * threshold adds the CFO (crossing the executive one adds CFO, CTO and Legal); a move to PII or PHI adds
     * Legal and Compliance; a new cross-border transfer (or one of another jurisdiction's data) adds the DPO.
     * A change that brings none of these (a downgrade, a new cost center, a budget that stays on its side of
     * the thresholds) is auto-approved.
     */
    public ApprovalRoute routeForChange(TenantRequest before, TenantRequest after) {
        Map<ApproverGroup, List<String>> reasons = new EnumMap<>(ApproverGroup.class);
        if (after.tier() == Tier.GOLD && before.tier() != Tier.GOLD) {
            add(reasons, ApproverGroup.CTO, "upgrade from " + before.tier().displayName() + " to Gold");
        }
        if (before.budgetInr() < autoApproveThresholdInr && after.budgetInr() >= autoApproveThresholdInr) {
            add(reasons, ApproverGroup.CFO, "budget ₹" + before.budgetInr() + " → ₹" + after.budgetInr()
                    + " crosses the auto-approve threshold ₹" + autoApproveThresholdInr);
        }
        if (before.budgetInr() <= executiveThresholdInr && after.budgetInr() > executiveThresholdInr) {
            String why = "budget ₹" + before.budgetInr() + " → ₹" + after.budgetInr() + " crosses the executive "
                    + "threshold ₹" + executiveThresholdInr;
            add(reasons, ApproverGroup.CFO, why);
            add(reasons, ApproverGroup.CTO, why);
            add(reasons, ApproverGroup.LEGAL, why);
        }
        if (after.classification().isSensitive() && after.classification() != before.classification()) {
            String why = "classification " + before.classification() + " → " + after.classification();
            add(reasons, ApproverGroup.LEGAL, why);
            add(reasons, ApproverGroup.COMPLIANCE, why);
        }
        boolean newTransfer = after.crossBorderTransfer()
                && (!before.crossBorderTransfer() || before.jurisdiction() != after.jurisdiction());
        if (newTransfer) {
            add(reasons, ApproverGroup.DPO, "new cross-border transfer of " + after.jurisdiction() + " data");
        }
        List<ApprovalStep> steps = new ArrayList<>();
        reasons.forEach((group, why) -> steps.add(new ApprovalStep(group, String.join("; ", why))));
        return new ApprovalRoute(steps);
    }

    private static void add(Map<ApproverGroup, List<String>> reasons, ApproverGroup group, String why) {
        reasons.computeIfAbsent(group, g -> new ArrayList<>()).add(why);
    }
}
