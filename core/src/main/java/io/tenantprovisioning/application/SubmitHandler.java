package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.TenantRequest;
import java.util.EnumSet;
import java.util.Set;

/**
 * submit: validates a request, plans it and records it with its approval route — APPROVED when
 * nothing needs a person, else PENDING_APPROVAL (and the approvers are told). A new tenant starts
 * from no state at all; a replay (same idempotency key) returns the first request's answer.
 */
public final class SubmitHandler {

    /** A slug whose tenant is in one of these states is free for a new request. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.REJECTED, TenantState.ROLLED_BACK,
            TenantState.OFFBOARDED);

    private final PlatformGraph graph;

    SubmitHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    /** Records the request; the requester's identity comes from the adapter, which says where it got it. */
    public SubmissionResult submit(RequestDraft draft, Actor requester) {
        TenantRequest request = graph.services.validator().validate(draft);
        TenantPlan plan = graph.services.planner().plan(request, TenantPlanner.requestIdFor(request));
        SubmissionOutcome outcome = new TenantSubmission(graph.registry).submit(plan, requester);
        if (!outcome.replayed() && outcome.state() == TenantState.PENDING_APPROVAL) {
            for (ApprovalStep step : outcome.route().steps()) {
                graph.publish(new NotificationEvent.ApprovalNeeded(outcome.slug().value(), step.group(),
                        step.reason(), outcome.monthlyCostInr()));
            }
        }
        return new SubmissionResult(outcome.requestId().toString(), outcome.slug().value(), outcome.autoApproved(),
                outcome.route().steps(), outcome.monthlyCostInr(), outcome.state().name(), outcome.replayed());
    }

    /** The plan of a request, computed without touching anything ({@code tenantctl plan}, --dry-run). */
    public TenantPlan plan(RequestDraft draft) {
        TenantRequest request = graph.services.validator().validate(draft);
        return graph.services.planner().plan(request, TenantPlanner.requestIdFor(request));
    }
}
