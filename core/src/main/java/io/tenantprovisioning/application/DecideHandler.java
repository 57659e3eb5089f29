package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * approve / reject: records one approver group's decision on a PENDING_APPROVAL request; the last
 * approval moves the tenant to APPROVED, any rejection to REJECTED. The decision binds to a request
 * id, and the separation-of-duties rules hold whichever adapter calls (see {@link DecisionRules}).
 * The approver's identity comes from the adapter, which says where it got it.
 */
public final class DecideHandler {

    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.PENDING_APPROVAL);

    private final Registry registry;

    DecideHandler(Registry registry) {
        this.registry = registry;
    }

    /** By tenant slug ({@code tenantctl approve|reject}): the slug's current request. */
    public ApprovalOutcome decide(Slug slug, ApproverGroup group, Actor approver, Verdict verdict, String comment) {
        return new ApprovalWorkflow(registry).decide(slug, group, approver, verdict, comment);
    }

    /** By slug and the request the approver reviewed ({@code --request}): refused unless it is still current. */
    public ApprovalOutcome decide(Slug slug, String requestId, ApproverGroup group, Actor approver, Verdict verdict,
                                  String comment) {
        return new ApprovalWorkflow(registry).decide(slug, PlatformGraph.parseRequestId(requestId), group, approver,
                verdict, comment);
    }

    /** By slug, on the saved plan the approver reviewed ({@code --plan}): refused unless it is still current. */
    public ApprovalOutcome decideOnPlan(Slug slug, String reviewedPlanSha256, ApproverGroup group, Actor approver,
                                        Verdict verdict, String comment) {
        return decide(slug, Optional.empty(), Optional.of(reviewedPlanSha256), group, approver, verdict, comment);
    }

    /**
     * By slug, optionally naming the request ({@code --request}) and the saved plan ({@code --plan}) the approver
     * reviewed: each refused unless it is still the current one.
     */
    public ApprovalOutcome decide(Slug slug, Optional<String> requestId, Optional<String> reviewedPlanSha256,
                                  ApproverGroup group, Actor approver, Verdict verdict, String comment) {
        ApprovalWorkflow workflow = new ApprovalWorkflow(registry).onReviewedPlan(reviewedPlanSha256.orElse(null));
        return requestId.isPresent()
                ? workflow.decide(slug, PlatformGraph.parseRequestId(requestId.get()), group, approver, verdict, comment)
                : workflow.decide(slug, group, approver, verdict, comment);
    }

    /** By request id (the Jenkins {@code input} answer). */
    public ApprovalResult decide(String requestId, ApproverGroup group, Actor approver, Verdict verdict,
                                 String comment) {
        return decide(requestId, group, approver, verdict, comment, null);
    }

    /**
     * By request id, on the saved plan the approver reviewed ({@code reviewedPlanSha256}, null or blank when none
     * was shown): refused unless it is the request's current plan.
     */
    public ApprovalResult decide(String requestId, ApproverGroup group, Actor approver, Verdict verdict,
                                 String comment, String reviewedPlanSha256) {
        ApprovalOutcome outcome = new ApprovalWorkflow(registry).onReviewedPlan(reviewedPlanSha256)
                .decide(PlatformGraph.parseRequestId(requestId), group, approver, verdict, comment);
        return new ApprovalResult(outcome.requestId().toString(), outcome.slug(), outcome.state().name(),
                outcome.stillPending());
    }
}
