package io.tenantprovisioning.application;

import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.IdempotencyConflictException;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantAlreadyExistsException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.TenantRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records a planned request: the tenant (REQUESTED) and its request, then APPROVED when the route
 * is empty or PENDING_APPROVAL otherwise, every step audited, all in one transaction. A request
 * that repeats an idempotency key gets the first request's outcome back instead.
 */
public final class TenantSubmission {

    /** The actor of the moves the approval policy makes on its own. */
    public static final String POLICY_ACTOR = "approval-policy";

    private final Registry registry;

    public TenantSubmission(Registry registry) {
        this.registry = registry;
    }

    /** Records a request whose requester is named through the Java API (tests, embedding). */
    public SubmissionOutcome submit(TenantPlan plan, String requester) {
        if (requester == null || requester.isBlank()) {
            throw new IllegalArgumentException("a request needs a requester (who asked for the tenant)");
        }
        return submit(plan, Actor.stated(requester));
    }

    /** Records a request; the requester (and where that identity came from) is kept with it and audited. */
    public SubmissionOutcome submit(TenantPlan plan, Actor requester) {
        UUID requestId = requestId(plan);
        try {
            return registry.inTransaction(tx -> {
                Optional<StoredRequest> first = tx.requests().replayOf(plan.request());
                return first.isPresent() ? replay(tx, first.get()) : record(tx, plan, requestId, requester);
            });
        } catch (TenantAlreadyExistsException | IdempotencyConflictException e) {
            // a concurrent request with the same key may have won the race: then its outcome is ours
            Optional<StoredRequest> first = registry.requests().replayOf(plan.request());
            if (first.isPresent()) {
                return replay(registry, first.get());
            }
            throw e;
        }
    }

    private static SubmissionOutcome record(Registry tx, TenantPlan plan, UUID requestId, Actor requester) {
        TenantRequest request = plan.request();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID tenantId = UUID.randomUUID();
        tx.tenants().insert(new TenantRecord(tenantId, request.slug(), request.name(), request.tier(),
                request.region().code(), TenantState.REQUESTED, plan.tierConfig(), plan.cost(), null, requestId,
                now, now));
        tx.requests().insert(requestId, tenantId, request, requester, plan.approvalRoute());
        String slug = request.slug().value();
        tx.audit().append(new AuditEntry(requester.id(), slug, "request", null, TenantState.REQUESTED.name(),
                "request " + requestId + ": " + request.tier().displayName() + " in " + request.region().code()
                        + ", budget ₹" + request.budgetInr() + ", estimate ₹" + plan.cost().monthlyInr() + "/month"
                        + " [requester identity " + requester.source().label() + "]"));
        ApprovalRoute route = plan.approvalRoute();
        TenantState next = route.autoApproved() ? TenantState.APPROVED : TenantState.PENDING_APPROVAL;
        TenantState.REQUESTED.requireMoveTo(next);
        tx.tenants().updateState(request.slug(), TenantState.REQUESTED.name(), next.name(), now);
        tx.audit().append(AuditEntry.transition(POLICY_ACTOR, slug, TenantState.REQUESTED.name(), next.name(),
                route.autoApproved() ? "auto-approved: nothing on the request needs an approver"
                        : "needs approval: " + route.steps().stream().map(s -> s.group() + " (" + s.reason() + ")")
                        .collect(Collectors.joining("; "))));
        return new SubmissionOutcome(requestId, tenantId, request.slug(), route, plan.cost().monthlyInr(), next, false);
    }

    private static SubmissionOutcome replay(Registry registry, StoredRequest first) {
        TenantRecord tenant = registry.tenants().byId(first.tenantId()).orElseThrow(() ->
                new IllegalStateException("request " + first.id() + " names tenant " + first.tenantId()
                        + ", which is missing"));
        return new SubmissionOutcome(first.id(), tenant.id(), tenant.slug(), first.route(), tenant.cost().monthlyInr(),
                tenant.state(), true);
    }

    private static UUID requestId(TenantPlan plan) {
        try {
            return UUID.fromString(plan.requestId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request id '" + plan.requestId() + "' is not a UUID");
        }
    }
}
