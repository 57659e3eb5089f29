package io.tenantprovisioning.application;

import io.tenantprovisioning.application.ApprovalOutcome;
import io.tenantprovisioning.application.ApprovalException;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records approver decisions on a request waiting in PENDING_APPROVAL. Only groups on the request's
 * route may decide, each once; one rejection rejects the request, and the last approval approves it.
 * The decision, its audit row and any state change commit together.
 */
public final class ApprovalWorkflow {

    private final Registry registry;

    public ApprovalWorkflow(Registry registry) {
        this.registry = registry;
    }

    /** Records a decision on the slug's live request. */
    public ApprovalOutcome decide(Slug slug, ApproverGroup group, String approver, Verdict verdict, String comment) {
        String who = requireApprover(approver);
        return registry.inTransaction(tx -> {
            // the row lock makes concurrent decisions on one request take turns
            TenantRecord tenant = tx.tenants().lock(slug);
            StoredRequest request = tx.requests().require(tenant.requestId());
            Optional<String> why = Optional.ofNullable(comment).map(String::trim).filter(c -> !c.isEmpty());
            return record(tx, tenant, request, group, who, verdict, why);
        });
    }

    /** Records a decision on a request named by its id (the Jenkins input step knows the request id). */
    public ApprovalOutcome decide(UUID requestId, ApproverGroup group, String approver, Verdict verdict,
                                  String comment) {
        StoredRequest request = registry.requests().require(requestId);
        TenantRecord tenant = registry.tenants().byId(request.tenantId()).orElseThrow(() ->
                new IllegalStateException("request " + requestId + " names tenant " + request.tenantId() + ", which is missing"));
        return decide(tenant.slug(), group, approver, verdict, comment);
    }

    private static ApprovalOutcome record(Registry tx, TenantRecord tenant, StoredRequest request, ApproverGroup group,
                                          String approver, Verdict verdict, Optional<String> comment) {
        ApprovalRoute route = request.route();
        List<ApprovalRecord> decided = tx.approvals().forRequest(request.id());
        requireAllowed(tenant, route, decided, group);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.approvals().insert(new ApprovalRecord(request.id(), group, verdict, approver, now, comment.orElse(null)));
        Set<ApproverGroup> approved = decided.stream().filter(d -> d.decision() == Verdict.APPROVED)
                .map(ApprovalRecord::group)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApproverGroup.class)));
        if (verdict == Verdict.APPROVED) {
            approved.add(group);
        }
        List<ApproverGroup> pending = route.groups().stream().filter(g -> !approved.contains(g)).toList();
        TenantState next = verdict == Verdict.REJECTED ? TenantState.REJECTED
                : pending.isEmpty() ? TenantState.APPROVED : TenantState.PENDING_APPROVAL;
        if (next != TenantState.PENDING_APPROVAL) {
            TenantState.PENDING_APPROVAL.requireMoveTo(next);
            if (!tx.tenants().updateState(tenant.slug(), TenantState.PENDING_APPROVAL.name(), next.name(), now)) {
                throw new StateConflictException("tenant '" + tenant.slug() + "' left PENDING_APPROVAL meanwhile");
            }
        }
        String why = group + " " + verdict + " by " + approver + comment.map(c -> ": " + c).orElse("");
        tx.audit().append(new AuditEntry(approver, tenant.slug().value(), "approval", null, null, why));
        if (next != TenantState.PENDING_APPROVAL) {
            tx.audit().append(AuditEntry.transition(approver, tenant.slug().value(),
                    TenantState.PENDING_APPROVAL.name(), next.name(), next == TenantState.REJECTED
                            ? "rejected by " + group : "every group on the route approved (" + route.groups() + ")"));
        }
        return new ApprovalOutcome(request.id(), tenant.slug().value(), next,
                next == TenantState.PENDING_APPROVAL ? pending : List.of());
    }

    private static void requireAllowed(TenantRecord tenant, ApprovalRoute route, List<ApprovalRecord> decided,
                                       ApproverGroup group) {
        if (!route.requires(group)) {
            throw new ApprovalException("group " + group + " is not on the approval route of tenant '" + tenant.slug()
                    + "'" + (route.autoApproved() ? " (it was auto-approved)" : "; the route is " + route.groups()));
        }
        Optional<ApprovalRecord> earlier = decided.stream().filter(d -> d.group() == group).findFirst();
        if (earlier.isPresent()) {
            ApprovalRecord d = earlier.get();
            throw new ApprovalException("group " + group + " already decided on tenant '" + tenant.slug() + "': "
                    + d.decision() + " by " + d.approver() + " at " + d.decidedAt() + "; a group decides once");
        }
        if (tenant.state() != TenantState.PENDING_APPROVAL) {
            throw new ApprovalException("tenant '" + tenant.slug() + "' is " + tenant.state()
                    + "; decisions are recorded only while it is PENDING_APPROVAL");
        }
    }

    private static String requireApprover(String approver) {
        if (approver == null || approver.isBlank()) {
            throw new ApprovalException("a decision needs the approver's identity (--as)");
        }
        return approver.trim();
    }
}
