package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Approval bound to the saved plan (issue #16 item 6, #15 item 4). With an engine that saves plans (terraform),
 * the plan is made before approval and recorded with the request; decisions record its SHA-256; provisioning
 * applies only that plan, once every group on the route approved that SHA (or the policy did, for an empty
 * route) and the engine proved the saved file and its inputs unchanged. Otherwise nothing is applied: a new
 * plan is made and recorded and the request goes back to PENDING_APPROVAL. Engines without saved plans (direct)
 * pass through unchanged: their approvers see the request plan's resource list, which is what they create.
 */
final class PlanApproval {

    private final PlatformGraph graph;

    PlanApproval(PlatformGraph graph) {
        this.graph = graph;
    }

    /** The spec the engines plan and create from: the tenant's tags with this registry's marker. */
    TenantResourceSpec spec(TenantRecord tenant) {
        Map<String, String> tags = graph.services.marker().stamp(graph.accessLoader.expectedTags(tenant),
                tenant.slug());
        return new TenantResourceSpec(tenant.slug(), tags, tenant.tierConfig(), Optional.of(tenant.region()));
    }

    /** Makes the engine's saved plan for the tenant's request and records it; empty for an engine without plans. */
    Optional<PlanForApproval> plan(TenantRecord tenant, ProvisioningEngine engine, String reason,
                                   ProgressListener progress) {
        if (!engine.savesPlans()) {
            return Optional.empty();
        }
        EnginePlan made = engine.planForApproval(spec(tenant), progress).orElseThrow(() -> new IllegalStateException(
                "the " + engine.name() + " engine saves plans but made none"));
        StoredRequest request = graph.registry.requests().require(tenant.requestId());
        boolean auto = request.route().autoApproved();
        RequestPlan row = new RequestPlan(request.id(), made.engine(), made.sha256(), made.summary(), auto,
                Instant.now().truncatedTo(ChronoUnit.MICROS), graph.actor(), reason);
        graph.registry.inTransaction(tx -> {
            tx.requestPlans().insert(row);
            tx.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), "plan", null, null, "plan sha256 "
                    + made.sha256() + " (" + made.engine() + ") for request " + request.id() + " [" + reason + "]: "
                    + String.join("; ", made.summary()) + (auto ? "; approved by " + TenantSubmission.POLICY_ACTOR
                    + " (nothing on the request needs an approver)" : "; for approval by " + request.route().groups())));
            return null;
        });
        return Optional.of(view(tenant, row));
    }

    /**
     * The approved plan's SHA-256 the apply must use, after the engine proved it still applies; empty for an
     * engine without plans. A policy-approved request whose plan no longer applies gets a new plan, approved by
     * the policy again (it approves whatever the request's route lets it).
     *
     * @throws PlanApprovalRequiredException when people must approve a new plan (the tenant is PENDING_APPROVAL)
     */
    Optional<String> requireApproved(TenantRecord tenant, ProvisioningEngine engine, ProgressListener progress) {
        if (!engine.savesPlans()) {
            return Optional.empty();
        }
        Optional<RequestPlan> current = graph.registry.requestPlans().current(tenant.requestId())
                .filter(p -> p.engine().equals(engine.name()));
        String why;
        if (current.isEmpty()) {
            why = "no plan of the " + engine.name() + " engine was made and approved for request " + tenant.requestId();
        } else if (!approved(current.get())) {
            why = "plan " + current.get().planSha256() + " was not approved by every group on the route ("
                    + "decisions on another plan, or none, do not count)";
        } else {
            try {
                engine.verifyApprovedPlan(spec(tenant), current.get().planSha256(), progress);
                progress.event("approve", "applying approved plan " + current.get().planSha256());
                return Optional.of(current.get().planSha256());
            } catch (PlanBindingException e) {
                why = e.getMessage();
            }
        }
        return Optional.of(returnToApproval(tenant, TenantState.APPROVED, why, engine, progress));
    }

    /**
     * Records the refusal and a new plan; with an empty route the policy approves the new plan (from APPROVED
     * the run goes on with it; from PROVISIONING the tenant goes back to APPROVED by way of PENDING_APPROVAL),
     * else the tenant goes back to PENDING_APPROVAL and the approvers are told.
     *
     * @return the new plan's SHA-256, when the run may go on with it
     */
    String returnToApproval(TenantRecord tenant, TenantState from, String why, ProvisioningEngine engine,
                            ProgressListener progress) {
        progress.event("approve", "apply refused: " + why);
        graph.registry.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), "plan-refused", null, null,
                "request " + tenant.requestId() + ": " + why));
        PlanForApproval fresh = plan(tenant, engine, "the approved plan no longer applies: " + why, progress)
                .orElseThrow();
        if (fresh.autoApproved() && from == TenantState.APPROVED) {
            return fresh.planSha256();
        }
        graph.lifecycle.transition(tenant.slug(), from, TenantState.PENDING_APPROVAL, graph.actor(),
                "back to approval: " + why + "; new plan sha256 " + fresh.planSha256());
        if (fresh.autoApproved()) {
            graph.lifecycle.transition(tenant.slug(), TenantState.PENDING_APPROVAL, TenantState.APPROVED,
                    TenantSubmission.POLICY_ACTOR, "auto-approved plan sha256 " + fresh.planSha256()
                            + ": nothing on the request needs an approver");
        } else {
            StoredRequest request = graph.registry.requests().require(tenant.requestId());
            for (ApprovalStep step : request.route().steps()) {
                graph.publish(new NotificationEvent.ApprovalNeeded(tenant.slug().value(), step.group(),
                        step.reason() + " (new plan " + fresh.planSha256() + ")", tenant.cost().monthlyInr()));
            }
        }
        throw new PlanApprovalRequiredException(why, fresh);
    }

    /** The request's current plan of this engine, else a new one (a replayed submission keeps its plan). */
    Optional<PlanForApproval> currentOrNew(TenantRecord tenant, ProvisioningEngine engine, ProgressListener progress) {
        if (!engine.savesPlans()) {
            return Optional.empty();
        }
        Optional<PlanForApproval> current = current(tenant).filter(p -> p.engine().equals(engine.name()));
        return current.isPresent() ? current : plan(tenant, engine, "submitted", progress);
    }

    /** The request's current saved plan, for {@code show} and the Jenkins input message. */
    Optional<PlanForApproval> current(TenantRecord tenant) {
        return graph.registry.requestPlans().current(tenant.requestId()).map(p -> view(tenant, p));
    }

    /** The policy approved it, or every group on the route approved exactly this SHA-256. */
    private boolean approved(RequestPlan plan) {
        if (plan.autoApproved()) {
            return true;
        }
        StoredRequest request = graph.registry.requests().require(plan.requestId());
        List<ApprovalRecord> decisions = graph.registry.approvals().forRequest(plan.requestId());
        Set<ApproverGroup> approvedThis = decisions.stream().filter(d -> d.decision() == Verdict.APPROVED)
                .filter(d -> plan.planSha256().equals(d.planSha256())).map(ApprovalRecord::group)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApproverGroup.class)));
        return approvedThis.containsAll(request.route().groups());
    }

    private static PlanForApproval view(TenantRecord tenant, RequestPlan p) {
        return new PlanForApproval(p.requestId().toString(), tenant.slug().value(), p.engine(), p.planSha256(),
                p.summary(), p.autoApproved());
    }
}
