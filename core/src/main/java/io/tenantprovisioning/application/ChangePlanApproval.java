package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.engine.ChangeNotInPlaceException;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.InvalidRequestException;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.TierConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change of a terraform tenant bound to its saved plan (issue #18), as a new request's approval is
 * ({@link PlanApproval}): the plan is made with the new configuration before anything is recorded (a plan that
 * would create, destroy or replace is refused then), recorded with the change's request, decided on by its SHA-256,
 * and applied only once every group on the change's route approved that SHA (or the policy did, for an empty
 * route) and the engine proved the saved file and its inputs unchanged. Otherwise a new plan is made and recorded
 * and the change goes back to PENDING_APPROVAL (with an empty route, the policy approves the new plan).
 */
final class ChangePlanApproval {

    private final PlatformGraph graph;

    ChangePlanApproval(PlatformGraph graph) {
        this.graph = graph;
    }

    /** The engine's change through saved plans, when the tenant's engine has one and the change touches resources. */
    Optional<EngineChange> engineChange(TenantRecord tenant, ChangePlan plan) {
        return plan.touchesResources() ? graph.engineOf(tenant).changes() : Optional.empty();
    }

    /** The spec of a configuration as the tenant's creation planned it: its own region, tags with the marker. */
    TenantResourceSpec spec(TenantRecord tenant, TenantRequest configuration, TierConfig tierConfig) {
        TenantResourceSpec tagged = new InPlaceConfiguration(graph).spec(tenant, configuration, tierConfig);
        return new TenantResourceSpec(tenant.slug(), tagged.tags(), tierConfig, Optional.of(tenant.region()));
    }

    /**
     * The change's saved plan (a dry run's is made aside and not kept).
     *
     * @throws InvalidRequestException when the plan would create, destroy or replace a resource: nothing recorded
     */
    EnginePlan make(TenantRecord tenant, ChangePlan plan, EngineChange change, boolean dryRun,
                    ProgressListener progress) {
        try {
            return change.plan(spec(tenant, plan.after(), plan.tierAfter()), dryRun, progress);
        } catch (ChangeNotInPlaceException e) {
            throw new InvalidRequestException(List.of(e.getMessage()));
        }
    }

    /** Records {@code made} as the plan of the change's request, with its audit row. */
    PlanForApproval record(TenantRecord tenant, ConfigVersion version, EnginePlan made, boolean auto, String reason) {
        RequestPlan row = new RequestPlan(version.requestId(), made.engine(), made.sha256(), made.summary(), auto,
                Instant.now().truncatedTo(ChronoUnit.MICROS), graph.actor(), reason);
        StoredRequest request = graph.registry.requests().require(version.requestId());
        graph.registry.inTransaction(tx -> {
            tx.requestPlans().insert(row);
            tx.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), "plan", null, null, "change v"
                    + version.version() + " plan sha256 " + made.sha256() + " (" + made.engine() + ") for request "
                    + version.requestId() + " [" + reason + "]: " + String.join("; ", made.summary())
                    + (auto ? "; approved by " + TenantSubmission.POLICY_ACTOR + " (the change needs no approver)"
                    : "; for approval by " + request.route().groups())));
            return null;
        });
        return view(tenant, row);
    }

    /** The change's current saved plan, if it has one. */
    Optional<PlanForApproval> current(TenantRecord tenant, ConfigVersion version) {
        return graph.registry.requestPlans().current(version.requestId()).map(p -> view(tenant, p));
    }

    /**
     * The SHA-256 of the approved change plan the apply must use, after the engine proved it still applies.
     *
     * @throws PlanApprovalRequiredException when people must approve a new plan (the change is PENDING_APPROVAL)
     */
    String requireApproved(TenantRecord tenant, ConfigVersion version, ChangePlan plan, EngineChange change,
                           ProgressListener progress) {
        Optional<RequestPlan> current = graph.registry.requestPlans().current(version.requestId());
        String why;
        if (current.isEmpty()) {
            why = "no Terraform plan was made and approved for change v" + version.version();
        } else if (!approved(current.get())) {
            why = "change plan " + current.get().planSha256() + " was not approved by every group on the route "
                    + "(decisions on another plan, or none, do not count)";
        } else {
            try {
                change.verify(spec(tenant, plan.after(), plan.tierAfter()), current.get().planSha256());
                progress.event("approve", "applying approved change plan " + current.get().planSha256());
                return current.get().planSha256();
            } catch (PlanBindingException e) {
                why = e.getMessage();
            }
        }
        return returnToApproval(tenant, version, plan, change, why, progress);
    }

    /**
     * Records the refusal and a new plan; with an empty route the policy approves it and the apply goes on with it,
     * else the change goes back to PENDING_APPROVAL and its approvers are told.
     *
     * @return the new plan's SHA-256, when the apply may go on with it
     */
    String returnToApproval(TenantRecord tenant, ConfigVersion version, ChangePlan plan, EngineChange change,
                            String why, ProgressListener progress) {
        progress.event("approve", "apply refused: " + why);
        graph.registry.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), "plan-refused", null, null,
                "change v" + version.version() + " (request " + version.requestId() + "): " + why));
        boolean auto = plan.route().autoApproved();
        PlanForApproval fresh = record(tenant, version, make(tenant, plan, change, false, progress), auto,
                "the approved plan no longer applies: " + why);
        if (auto) {
            return fresh.planSha256();
        }
        if (!graph.registry.configVersions().updateStatus(tenant.id(), version.version(), ConfigVersionStatus.APPROVED,
                ConfigVersionStatus.PENDING_APPROVAL, "back to approval: new plan sha256 " + fresh.planSha256())) {
            throw new StateConflictException("change v" + version.version() + " of tenant '" + tenant.slug()
                    + "' is no longer APPROVED");
        }
        graph.registry.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(),
                ChangeRecords.ACTION_REQUESTED, null, null, "change v" + version.version() + " back to "
                + "PENDING_APPROVAL: " + why + "; new plan sha256 " + fresh.planSha256()));
        for (ApprovalStep step : plan.route().steps()) {
            graph.publish(new NotificationEvent.ApprovalNeeded(tenant.slug().value(), step.group(), "change v"
                    + version.version() + ": " + step.reason() + " (new plan " + fresh.planSha256() + ")",
                    plan.costAfter().monthlyInr()));
        }
        throw new PlanApprovalRequiredException(why, fresh);
    }

    /** The policy approved it, or every group on the route approved exactly this SHA-256. */
    private boolean approved(RequestPlan plan) {
        if (plan.autoApproved()) {
            return true;
        }
        StoredRequest request = graph.registry.requests().require(plan.requestId());
        Set<ApproverGroup> approvedThis = graph.registry.approvals().forRequest(plan.requestId()).stream()
                .filter(d -> d.decision() == Verdict.APPROVED).filter(d -> plan.planSha256().equals(d.planSha256()))
                .map(ApprovalRecord::group).collect(Collectors.toCollection(() -> EnumSet.noneOf(ApproverGroup.class)));
        return approvedThis.containsAll(request.route().groups());
    }

    private static PlanForApproval view(TenantRecord tenant, RequestPlan p) {
        return new PlanForApproval(p.requestId().toString(), tenant.slug().value(), p.engine(), p.planSha256(),
                p.summary(), p.autoApproved());
    }
}
