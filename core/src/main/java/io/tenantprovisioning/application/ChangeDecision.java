package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One decision on a change of a serving tenant: the same rules and the same approvals table as a new
 * request's decisions ({@link DecisionRules}), but what moves is the change's configuration version
 * (PENDING_APPROVAL → APPROVED or REJECTED), never the tenant, which keeps serving on its configuration.
 * Runs inside the decision's transaction with the tenant row locked.
 */
final class ChangeDecision {

    private final Registry tx;
    private final TenantRecord tenant;
    private final StoredRequest request;
    private final ConfigVersion change;
    private final Optional<String> reviewedPlan;

    ChangeDecision(Registry tx, TenantRecord tenant, StoredRequest request, ConfigVersion change) {
        this(tx, tenant, request, change, Optional.empty());
    }

    private ChangeDecision(Registry tx, TenantRecord tenant, StoredRequest request, ConfigVersion change,
                           Optional<String> reviewedPlan) {
        this.tx = tx;
        this.tenant = tenant;
        this.request = request;
        this.change = change;
        this.reviewedPlan = reviewedPlan;
    }

    /** Decisions of an approver who reviewed the change plan with this SHA-256: refused unless it is current. */
    ChangeDecision onReviewedPlan(Optional<String> planSha256) {
        return new ChangeDecision(tx, tenant, request, change, planSha256);
    }

    ApprovalOutcome record(ApproverGroup group, Actor approver, Verdict verdict, Optional<String> comment) {
        // with a saved change plan (terraform), a decision is on that plan: decisions on an earlier one no longer count
        Optional<String> plan = tx.requestPlans().current(request.id()).map(RequestPlan::planSha256);
        List<ApprovalRecord> decided = tx.approvals().forRequest(request.id()).stream()
                .filter(d -> Objects.equals(d.planSha256(), plan.orElse(null))).toList();
        new DecisionRules(tx, tenant, request, decided, Optional.of(change)).requireAllowed(group, approver, verdict);
        ApprovalWorkflow.requireReviewedPlanIsCurrent(reviewedPlan, request, plan);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.approvals().insert(new ApprovalRecord(request.id(), group, verdict, approver.id(), now,
                comment.orElse(null), approver.source().label(), plan.orElse(null)));
        Set<ApproverGroup> approved = decided.stream().filter(d -> d.decision() == Verdict.APPROVED)
                .map(ApprovalRecord::group)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApproverGroup.class)));
        if (verdict == Verdict.APPROVED) {
            approved.add(group);
        }
        List<ApproverGroup> pending = request.route().groups().stream().filter(g -> !approved.contains(g)).toList();
        ConfigVersionStatus next = verdict == Verdict.REJECTED ? ConfigVersionStatus.REJECTED
                : pending.isEmpty() ? ConfigVersionStatus.APPROVED : ConfigVersionStatus.PENDING_APPROVAL;
        if (next != ConfigVersionStatus.PENDING_APPROVAL && !tx.configVersions().updateStatus(tenant.id(),
                change.version(), ConfigVersionStatus.PENDING_APPROVAL, next, verdict == Verdict.REJECTED
                        ? "rejected by " + group + " (" + approver.id() + ")" : null)) {
            throw new StateConflictException("change v" + change.version() + " of tenant '" + tenant.slug()
                    + "' left PENDING_APPROVAL meanwhile");
        }
        audit(group, approver, verdict, comment, plan, next);
        return new ApprovalOutcome(request.id(), tenant.slug().value(), TenantState.valueOf(next.name()),
                next == ConfigVersionStatus.PENDING_APPROVAL ? pending : List.of(), change.version());
    }

    private void audit(ApproverGroup group, Actor approver, Verdict verdict, Optional<String> comment,
                       Optional<String> plan, ConfigVersionStatus next) {
        String slug = tenant.slug().value();
        tx.audit().append(new AuditEntry(approver.id(), slug, "approval", null, null, group + " " + verdict + " by "
                + approver.id() + comment.map(c -> ": " + c).orElse("") + " [change v" + change.version()
                + ", request " + request.id() + plan.map(p -> "; plan sha256 " + p).orElse("") + "; identity "
                + approver.source().label() + "]"));
        if (next != ConfigVersionStatus.PENDING_APPROVAL) {
            tx.audit().append(new AuditEntry(approver.id(), slug, ChangeRecords.ACTION_REQUESTED, null, null,
                    "change v" + change.version() + " " + next + (next == ConfigVersionStatus.REJECTED
                            ? " by " + group + "; the tenant keeps its configuration"
                            : ": every group on the route approved (" + request.route().groups()
                            + "); apply it with `tenantctl resume " + slug + "`")));
        }
    }
}
