package io.tenantprovisioning.application;

/**
 * Provisioning refused to apply: the plan it would apply is not the approved one. Nothing was applied; a
 * new plan was made and recorded and the tenant is back in PENDING_APPROVAL, waiting for decisions on it
 * (decisions on the earlier plan no longer count), or, with an empty route, APPROVED again by the policy.
 */
public final class PlanApprovalRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient PlanForApproval plan;

    PlanApprovalRequiredException(String why, PlanForApproval plan) {
        super("apply refused for tenant '" + plan.slug() + "': " + why + "; request " + plan.requestId()
                + (plan.autoApproved() ? " has a new plan (SHA-256 " + plan.planSha256() + "), approved again by the "
                + "approval policy (its route is empty): resume to apply it"
                : " is back in PENDING_APPROVAL with a new plan (SHA-256 " + plan.planSha256() + "), which every "
                + "group on its route must approve"));
        this.plan = plan;
    }

    /** The new plan waiting for approval. */
    public PlanForApproval plan() {
        return plan;
    }
}
