package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.engine.DirectEngine;
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
 * that fails too.
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
        TenantRecord tenant = serving(slug);
        ChangePlan plan = new ChangePlanner(graph).plan(tenant, draft);
        requireEngineCanApply(tenant, plan);
        return plan;
    }

    /** Records the change; applies it at once when nobody needs to approve it, else waits for the route. */
    public UpdateResult update(Slug slug, ChangeDraft draft, Actor requester, ProgressListener progress) {
        return graph.underRunLock(slug, "update", () -> {
            TenantRecord tenant = serving(slug);
            ChangePlan plan = new ChangePlanner(graph).plan(tenant, draft);
            ConfigVersion version = recordLocked(tenant, plan, requester, progress);
            if (version.status() == ConfigVersionStatus.PENDING_APPROVAL) {
                return new UpdateResult.AwaitingApproval(plan, version.requestId().toString());
            }
            return applyLocked(tenant, version, plan, requester, progress);
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
            return new UpdateResult.AwaitingApproval(plan, version.requestId().toString());
        });
    }

    private ConfigVersion recordLocked(TenantRecord tenant, ChangePlan plan, Actor requester,
                                       ProgressListener progress) {
        graph.registry.configVersions().open(tenant.id()).ifPresent(open -> {
            throw new StateConflictException(ChangeRecords.openMessage(tenant, open));
        });
        requireEngineCanApply(tenant, plan);
        ConfigVersion version = new ChangeRecords(graph.registry).record(tenant, plan, requester);
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
            requireEngineCanApply(tenant, plan);
            return applyLocked(tenant, change, plan, actor, progress);
        });
    }

    /** The change waiting for approval or to be applied, if any ({@code resume} picks it before a request). */
    public Optional<ConfigVersion> openChange(Slug slug) {
        return graph.registry.tenants().find(slug).flatMap(t -> graph.registry.configVersions().open(t.id()));
    }

    private UpdateResult applyLocked(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor,
                                     ProgressListener progress) {
        InPlaceConfiguration resources = new InPlaceConfiguration(graph);
        ValidationReport report = null;
        String reason;
        try {
            progress.event("update", "applying v" + plan.version() + " in place: "
                    + ChangeRecords.describe(plan.changes()));
            resources.apply(tenant, resources.spec(tenant, plan.after(), plan.tierAfter()), progress);
            new ChangeRecords(graph.registry).markApplied(tenant, version, plan, actor);
            progress.event("validate", "re-validating on the new configuration");
            report = validate.validateLocked(graph.registry.tenants().require(tenant.slug()), progress);
            if (report.passed()) {
                progress.event("update", tenant.slug() + " serves on configuration v" + plan.version());
                return new UpdateResult.Applied(plan, version.requestId().toString(), report);
            }
            reason = "re-validation failed: " + String.join("; ", report.blockingFailures());
        } catch (ResourceException | RuntimeException e) {
            reason = (report == null ? "applying" : "re-validating") + " v" + plan.version() + " failed: "
                    + e.getMessage();
        }
        return restore(tenant, version, plan, actor, reason, report, progress);
    }

    private UpdateResult restore(TenantRecord tenant, ConfigVersion version, ChangePlan plan, Actor actor,
                                 String reason, ValidationReport report, ProgressListener progress) {
        progress.event("update", reason + "; restoring the previous configuration");
        InPlaceConfiguration resources = new InPlaceConfiguration(graph);
        List<String> errors = new ArrayList<>(resources.restore(tenant,
                resources.spec(tenant, plan.before(), plan.tierBefore()), progress));
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

    /** The terraform engine owns its resources' tags: rewriting them behind its back would leave drift. */
    private static void requireEngineCanApply(TenantRecord tenant, ChangePlan plan) {
        String engine = tenant.engineName().orElse(DirectEngine.NAME);
        if (!DirectEngine.NAME.equals(engine) && plan.touchesResources()) {
            throw new StateConflictException("tenant '" + tenant.slug() + "' was provisioned by the " + engine
                    + " engine, whose resources' tags Terraform owns; changing its tier or cost center through a "
                    + "Terraform plan is not implemented yet (budget, classification, jurisdiction, cross-border "
                    + "and owner changes are); nothing was changed");
        }
    }
}
