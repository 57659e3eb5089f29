package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records approver decisions on a request waiting in PENDING_APPROVAL. A decision binds to the
 * request it names (by slug: the slug's current request, whose id the decision records); the rules
 * it must pass are {@link DecisionRules}. One rejection rejects the request, and the last approval
 * approves it. The decision, its audit row and any state change commit together.
 */
public final class ApprovalWorkflow {

    private final Registry registry;
    private final Optional<String> reviewedPlan;

    public ApprovalWorkflow(Registry registry) {
        this(registry, Optional.empty());
    }

    private ApprovalWorkflow(Registry registry, Optional<String> reviewedPlan) {
        this.registry = registry;
        this.reviewedPlan = reviewedPlan;
    }

    /**
     * Decisions of an approver who reviewed the saved plan {@code planSha256}: refused unless it is still the
     * request's current plan (a new plan made meanwhile is another plan, which they have not seen).
     */
    public ApprovalWorkflow onReviewedPlan(String planSha256) {
        String sha = planSha256 == null ? "" : planSha256.trim().toLowerCase(java.util.Locale.ROOT);
        return new ApprovalWorkflow(registry, sha.isEmpty() ? Optional.empty() : Optional.of(sha));
    }

    /** Records a decision on the slug's current request, by an approver named through the Java API. */
    public ApprovalOutcome decide(Slug slug, ApproverGroup group, String approver, Verdict verdict, String comment) {
        return decide(slug, group, stated(approver), verdict, comment);
    }

    /** Records a decision on the slug's current request; the decision records that request's id. */
    public ApprovalOutcome decide(Slug slug, ApproverGroup group, Actor approver, Verdict verdict, String comment) {
        TenantRecord tenant = registry.tenants().require(slug);
        // a serving tenant's change waiting for approval is the slug's current request
        UUID current = registry.configVersions().open(tenant.id()).map(ConfigVersion::requestId)
                .orElse(tenant.requestId());
        return decide(current, group, approver, verdict, comment);
    }

    /**
     * Records a decision on the request the approver reviewed, named by the slug too: refused when the
     * request is another tenant's, or (by the rules) when it is no longer the slug's current request.
     */
    public ApprovalOutcome decide(Slug slug, UUID requestId, ApproverGroup group, Actor approver, Verdict verdict,
                                  String comment) {
        StoredRequest request = registry.requests().require(requestId);
        TenantRecord tenant = tenantOf(registry, request);
        if (!tenant.slug().equals(slug)) {
            throw new ApprovalException("request " + requestId + " is a request for tenant '" + tenant.slug()
                    + "', not '" + slug + "'");
        }
        return decide(requestId, group, approver, verdict, comment);
    }

    /** Records a decision on a request named by its id, by an approver named through the Java API. */
    public ApprovalOutcome decide(UUID requestId, ApproverGroup group, String approver, Verdict verdict,
                                  String comment) {
        return decide(requestId, group, stated(approver), verdict, comment);
    }

    /** Records a decision on a request named by its id (the Jenkins input step knows the request id). */
    public ApprovalOutcome decide(UUID requestId, ApproverGroup group, Actor approver, Verdict verdict,
                                  String comment) {
        Optional<String> why = Optional.ofNullable(comment).map(String::trim).filter(c -> !c.isEmpty());
        return registry.inTransaction(tx -> {
            StoredRequest request = tx.requests().require(requestId);
            // the request's own tenant row, locked: decisions on one request take turns, and a decision
            // never falls through to whichever newer request the slug names by now
            TenantRecord tenant = tx.tenants().lock(request.tenantId());
            Optional<ConfigVersion> change = tx.configVersions().byRequest(requestId).filter(v -> v.version() > 1);
            if (change.isPresent()) {
                return new ChangeDecision(tx, tenant, request, change.get()).onReviewedPlan(reviewedPlan)
                        .record(group, approver, verdict, why);
            }
            return record(tx, tenant, request, group, approver, verdict, why);
        });
    }

    private ApprovalOutcome record(Registry tx, TenantRecord tenant, StoredRequest request, ApproverGroup group,
                                          Actor approver, Verdict verdict, Optional<String> comment) {
        ApprovalRoute route = request.route();
        // with a saved plan, a decision is on that plan: decisions on an earlier plan no longer count
        Optional<String> plan = tx.requestPlans().current(request.id()).map(RequestPlan::planSha256);
        List<ApprovalRecord> decided = tx.approvals().forRequest(request.id()).stream()
                .filter(d -> Objects.equals(d.planSha256(), plan.orElse(null))).toList();
        new DecisionRules(tx, tenant, request, decided, Optional.empty()).requireAllowed(group, approver, verdict);
        requireReviewedPlanIsCurrent(reviewedPlan, request, plan);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.approvals().insert(new ApprovalRecord(request.id(), group, verdict, approver.id(), now,
                comment.orElse(null), approver.source().label(), plan.orElse(null)));
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
        audit(tx, tenant, request, group, approver, verdict, comment, plan, next);
        return new ApprovalOutcome(request.id(), tenant.slug().value(), next,
                next == TenantState.PENDING_APPROVAL ? pending : List.of(), 0);
    }

    static void requireReviewedPlanIsCurrent(Optional<String> reviewedPlan, StoredRequest request,
                                             Optional<String> current) {
        if (reviewedPlan.isPresent() && !reviewedPlan.equals(current)) {
            throw new ApprovalException("the plan reviewed (SHA-256 " + reviewedPlan.get() + ") is not the current plan "
                    + "of request " + request.id() + (current.map(c -> " (" + c + ")").orElse(" (it has none)"))
                    + "; nothing was recorded: review the current plan (tenantctl show) and decide on it");
        }
    }

    /** The decision's row names the request, the saved plan decided on and where the approver's identity came from. */
    private static void audit(Registry tx, TenantRecord tenant, StoredRequest request, ApproverGroup group,
                              Actor approver, Verdict verdict, Optional<String> comment, Optional<String> plan,
                              TenantState next) {
        String why = group + " " + verdict + " by " + approver.id() + comment.map(c -> ": " + c).orElse("")
                + " [request " + request.id() + plan.map(p -> "; plan sha256 " + p).orElse("") + "; identity "
                + approver.source().label() + "]";
        tx.audit().append(new AuditEntry(approver.id(), tenant.slug().value(), "approval", null, null, why));
        if (next != TenantState.PENDING_APPROVAL) {
            tx.audit().append(AuditEntry.transition(approver.id(), tenant.slug().value(),
                    TenantState.PENDING_APPROVAL.name(), next.name(), next == TenantState.REJECTED
                            ? "rejected by " + group : "every group on the route approved (" + request.route().groups()
                            + ")"));
        }
    }

    private static TenantRecord tenantOf(Registry registry, StoredRequest request) {
        return registry.tenants().byId(request.tenantId()).orElseThrow(() -> new IllegalStateException("request "
                + request.id() + " names tenant " + request.tenantId() + ", which is missing"));
    }

    private static Actor stated(String approver) {
        if (approver == null || approver.isBlank()) {
            throw new ApprovalException("a decision needs the approver's identity (--as)");
        }
        return Actor.stated(approver);
    }
}
