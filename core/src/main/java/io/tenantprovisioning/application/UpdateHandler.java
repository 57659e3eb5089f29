package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.validation.ValidationReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * update: changes a serving tenant's tier, budget, classification, jurisdiction, cross-border transfer, cost
 * center or owner. The change is planned first, routed by what it brings ({@code ApprovalPolicy#routeForChange}),
 * recorded as a new configuration version, and once approved applied in place: the tenant stays in its state
 * and keeps its data and credentials, its resources are retagged and reconfigured, then re-validated. On any
 * failure the previous configuration is put back (and re-validated); the tenant is marked DEGRADED only when
 * that fails too. With an engine that owns resources (terraform), what it owns changes through a saved plan made
 * before anything is recorded, approved by its SHA-256 and applied exactly ({@link ChangePlanApproval}).
 */
public final class UpdateHandler {

    /** The tenants that serve traffic; a change never starts from any other state. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED);

    private final PlatformGraph graph;
    private final ValidateHandler validate;

    UpdateHandler(PlatformGraph graph, ValidateHandler validate) {
        this.graph = graph;
        this.validate = validate;
    }

    /** The change as a plan, recording and touching nothing ({@code --dry-run}). */
    public ChangePlan plan(Slug slug, ChangeDraft draft) {
        return plan(slug, draft, ProgressListener.silent());
    }

    /**
     * The change as a plan, recording nothing; with the terraform engine it includes the Terraform plan of the
     * change, made aside and deleted (a change waiting for approval keeps its own saved plan).
     */
    public ChangePlan plan(Slug slug, ChangeDraft draft, ProgressListener progress) {
        TenantRecord tenant = serving(slug);
        ChangePlan plan = new ChangePlanner(graph).plan(tenant, draft);
        ChangePlanApproval plans = new ChangePlanApproval(graph);
        Optional<EngineChange> change = plans.engineChange(tenant, plan);
        requireEngineCanApply(tenant, plan, change);
        return change.map(c -> plans.make(tenant, plan, c, true, progress)).map(made -> plan.withEnginePlan(
                new PlanForApproval("(dry run)", slug.value(), made.engine(), made.sha256(), made.summary(),
                        plan.route().autoApproved()))).orElse(plan);
    }

    /** Records the change; applies it at once when nobody needs to approve it, else waits for the route. */
    public UpdateResult update(Slug slug, ChangeDraft draft, Actor requester, ProgressListener progress) {
        return graph.underRunLock(slug, "update", () -> {
            TenantRecord tenant = serving(slug);
            ChangePlan plan = new ChangePlanner(graph).plan(tenant, draft);
            ConfigVersion version = recordLocked(tenant, plan, requester, progress);
            ChangePlan recorded = withRecordedPlan(tenant, version, plan);
            if (version.status() == ConfigVersionStatus.PENDING_APPROVAL) {
                return new UpdateResult.AwaitingApproval(recorded, version.requestId().toString());
            }
            return applyLocked(tenant, version, recorded, requester, progress);
        });
    }

    /**
     * Records the change and its route without applying it, even when it is auto-approved (a pipeline asks
     * its approvers, then applies with {@link #resume}). Returns the recorded version's plan and request.
     */
    public UpdateResult.AwaitingApproval submit(Slug slug, ChangeDraft draft, Actor requester,
                                                ProgressListener progress) {
        return graph.underRunLock(slug, "update", () -> {
            TenantRecord tenant = serving(slug);
            ChangePlan plan = new ChangePlanner(graph).plan(tenant, draft);
            ConfigVersion version = recordLocked(tenant, plan, requester, progress);
            return new UpdateResult.AwaitingApproval(withRecordedPlan(tenant, version, plan),
                    version.requestId().toString());
        });
    }

    private ConfigVersion recordLocked(TenantRecord tenant, ChangePlan plan, Actor requester,
                                       ProgressListener progress) {
        graph.registry.configVersions().open(tenant.id()).ifPresent(open -> {
            throw new StateConflictException(ChangeRecords.openMessage(tenant, open));
        });
        ChangePlanApproval plans = new ChangePlanApproval(graph);
        Optional<EngineChange> change = plans.engineChange(tenant, plan);
        requireEngineCanApply(tenant, plan, change);
        // planned before anything is recorded: a plan that would create, destroy or replace is refused here
        Optional<EnginePlan> made = change.map(c -> plans.make(tenant, plan, c, false, progress));
        ConfigVersion version = new ChangeRecords(graph.registry).record(tenant, plan, requester);
        made.ifPresent(m -> plans.record(tenant, version, m, plan.route().autoApproved(), "submitted"));
        if (plan.route().autoApproved()) {
            progress.event("approve", "change v" + plan.version() + " auto-approved: it needs no approver");
            return version;
        }
        for (ApprovalStep step : plan.route().steps()) {
            graph.publish(new NotificationEvent.ApprovalNeeded(tenant.slug().value(), step.group(),
                    "change v" + plan.version() + ": " + step.reason(), plan.costAfter().monthlyInr()));
        }
        progress.event("approve", "change v" + plan.version() + " waits for approval by " + plan.route().groups());
        return version;
    }

    /** Applies the tenant's APPROVED change ({@code tenantctl resume} after the last approval). */
    public UpdateResult resume(Slug slug, Actor actor, ProgressListener progress) {
        return graph.underRunLock(slug, "update", () -> {
            TenantRecord tenant = serving(slug);
            ConfigVersion change = graph.registry.configVersions().open(tenant.id()).orElseThrow(() ->
                    new StateConflictException("tenant '" + slug + "' has no change waiting to be applied"));
            if (change.status() != ConfigVersionStatus.APPROVED) {
                throw new StateConflictException("change v" + change.version() + " of tenant '" + slug + "' is "
                        + change.status() + "; only an APPROVED change can be applied");
            }
            ChangePlan plan = new ChangePlanner(graph).replan(tenant, change);
            requireEngineCanApply(tenant, plan, new ChangePlanApproval(graph).engineChange(tenant, plan));
            return applyLocked(tenant, change, withRecordedPlan(tenant, change, plan), actor, progress);
        });
    }

    /** The change waiting for approval or to be applied, if any ({@code resume} picks it before a request). */
    public Optional<ConfigVersion> openChange(Slug slug) {
        return graph.registry.tenants().find(slug).flatMap(t -> graph.registry.configVersions().open(t.id()));
    }

    private UpdateResult applyLocked(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor,
                                     ProgressListener progress) {
        ChangePlanApproval plans = new ChangePlanApproval(graph);
        Optional<EngineChange> change = plans.engineChange(tenant, plan);
        Optional<String> approvedSha = Optional.empty();
        if (change.isPresent()) {
            try {
                approvedSha = Optional.of(plans.requireApproved(tenant, version, plan, change.get(), progress));
            } catch (PlanApprovalRequiredException back) {
                return new UpdateResult.AwaitingApproval(plan.withEnginePlan(back.plan()), version.requestId()
                        .toString());
            }
        }
        InPlaceConfiguration resources = new InPlaceConfiguration(graph);
        ValidationReport report = null;
        boolean engineApplied = false;
        String reason;
        try {
            progress.event("update", "applying v" + plan.version() + " in place: "
                    + ChangeRecords.describe(plan.changes()));
            graph.failurePoints.reach(InPlaceConfiguration.STEP);
            if (change.isPresent()) {
                engineApplied = true; // from here on a failure restores the engine's part too
                applyEnginePlan(tenant, version, plan, change.get(), approvedSha.orElseThrow(), progress);
            }
            resources.apply(tenant, resources.spec(tenant, plan.after(), plan.tierAfter()), owned(change), progress);
            new ChangeRecords(graph.registry).markApplied(tenant, version, plan, actor);
            progress.event("validate", "re-validating on the new configuration");
            report = validate.validateLocked(graph.registry.tenants().require(tenant.slug()), progress);
            if (report.passed()) {
                progress.event("update", tenant.slug() + " serves on configuration v" + plan.version());
                return new UpdateResult.Applied(plan, version.requestId().toString(), report);
            }
            reason = "re-validation failed: " + String.join("; ", report.blockingFailures());
        } catch (PlanApprovalRequiredException back) {
            return new UpdateResult.AwaitingApproval(plan.withEnginePlan(back.plan()), version.requestId().toString());
        } catch (ResourceException | RuntimeException e) {
            reason = (report == null ? "applying" : "re-validating") + " v" + plan.version() + " failed: "
                    + e.getMessage();
        }
        return restore(tenant, version, plan, actor, reason, report, engineApplied ? change : Optional.empty(),
                progress);
    }

    /**
     * The approved saved plan, exactly; one Terraform refuses as stale (nothing applied) goes back to approval,
     * or, with an empty route, is planned again and applied once more with the plan the policy approved.
     *
     * @throws PlanApprovalRequiredException when people must approve the new plan (nothing was applied)
     */
    private void applyEnginePlan(TenantRecord tenant, ConfigVersion version, ChangePlan plan, EngineChange change,
                                 String approvedSha, ProgressListener progress) {
        ChangePlanApproval plans = new ChangePlanApproval(graph);
        TenantResourceSpec after = plans.spec(tenant, plan.after(), plan.tierAfter());
        try {
            change.apply(after, approvedSha, progress);
        } catch (PlanBindingException refused) {
            change.apply(after, plans.returnToApproval(tenant, version, plan, change, refused.getMessage(), progress),
                    progress);
        }
    }

    private UpdateResult restore(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor,
                                 String reason, ValidationReport report, Optional<EngineChange> change,
                                 ProgressListener progress) {
        progress.event("update", reason + "; restoring the previous configuration");
        InPlaceConfiguration resources = new InPlaceConfiguration(graph);
        List<String> errors = new ArrayList<>();
        change.ifPresent(c -> {
            try {
                c.restore(new ChangePlanApproval(graph).spec(tenant, plan.before(), plan.tierBefore()), progress);
            } catch (RuntimeException e) {
                errors.add("terraform: " + e.getMessage());
                progress.event("update", "could not restore what Terraform owns: " + e.getMessage());
            }
        });
        errors.addAll(resources.restore(tenant, resources.spec(tenant, plan.before(), plan.tierBefore()),
                owned(change), progress));
        new ChangeRecords(graph.registry).markFailed(tenant, version, plan, actor, reason);
        ValidationReport restored = null;
        if (errors.isEmpty()) {
            try {
                progress.event("validate", "re-validating the restored configuration");
                restored = validate.validateLocked(graph.registry.tenants().require(tenant.slug()), progress);
                if (!restored.passed()) {
                    errors.add("the restored configuration fails validation: "
                            + String.join("; ", restored.blockingFailures()));
                }
            } catch (RuntimeException e) {
                errors.add("the restored configuration could not be validated: " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            degrade(tenant, plan, actor, errors);
        }
        return new UpdateResult.Restored(plan, version.requestId().toString(), reason, report, errors, restored);
    }

    private void degrade(TenantRecord tenant, ChangePlan plan, Actor actor, List<String> errors) {
        TenantState now = graph.registry.tenants().require(tenant.slug()).state();
        if (now == TenantState.ACTIVE) {
            graph.lifecycle.transition(tenant.slug(), TenantState.ACTIVE, TenantState.DEGRADED, actor.id(),
                    "change v" + plan.version() + " could not be fully undone: " + String.join("; ", errors));
        }
    }

    private TenantRecord serving(Slug slug) {
        TenantRecord tenant = graph.registry.tenants().require(slug);
        if (!STARTS_FROM.contains(tenant.state())) {
            throw new StateConflictException("tenant '" + slug + "' is " + tenant.state() + "; only a tenant that "
                    + "serves traffic (" + STARTS_FROM + ") can be changed; nothing was changed");
        }
        return tenant;
    }

    /** The change with its recorded engine plan, when it has one. */
    private ChangePlan withRecordedPlan(TenantRecord tenant, ConfigVersion version, ChangePlan plan) {
        return new ChangePlanApproval(graph).current(tenant, version).map(plan::withEnginePlan).orElse(plan);
    }

    private static Set<ResourceKind> owned(Optional<EngineChange> change) {
        return change.map(EngineChange::owns).orElse(Set.of());
    }

    /** An engine that owns its resources' tags but makes no change plans: rewriting them behind its back would drift. */
    private static void requireEngineCanApply(TenantRecord tenant, ChangePlan plan, Optional<EngineChange> change) {
        String engine = tenant.engineName().orElse(DirectEngine.NAME);
        if (!DirectEngine.NAME.equals(engine) && plan.touchesResources() && change.isEmpty()) {
            throw new StateConflictException("tenant '" + tenant.slug() + "' was provisioned by the " + engine
                    + " engine, which owns its resources' tags but makes no change plans; its tier or cost center "
                    + "cannot be changed here (budget, classification, jurisdiction, cross-border and owner changes "
                    + "can); nothing was changed");
        }
    }
}
