package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.engine.TakeoverRefusedException;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import java.util.EnumSet;
import java.util.Set;

/**
 * The whole job as `tenantctl provision` and `resume` run it: submit → approval route → provision →
 * configure → validate → ACTIVE, or rollback on any failure. Composed of the verb handlers; one run
 * lock for the whole run, taken once here and passed down.
 */
public final class ProvisioningJob {

    private final PlatformGraph graph;
    private final SubmitHandler submit;
    private final ProvisionHandler provision;
    private final ValidateHandler validate;
    private final ActivateHandler activate;
    private final RollbackHandler rollback;
    private final PipelineHook hook;

    ProvisioningJob(PlatformGraph graph, SubmitHandler submit, ProvisionHandler provision, ValidateHandler validate,
                    ActivateHandler activate, RollbackHandler rollback, PipelineHook hook) {
        this.graph = graph;
        this.submit = submit;
        this.provision = provision;
        this.validate = validate;
        this.activate = activate;
        this.rollback = rollback;
        this.hook = hook;
    }

    /** States a run passes through and leaves only when it ends: found on a replay, that run died. */
    static final Set<TenantState> INTERRUPTED = EnumSet.of(TenantState.PROVISIONING, TenantState.CONFIGURING,
            TenantState.VALIDATING, TenantState.ROLLING_BACK);

    /** The job for a requester named through the Java API (tests, embedding): see {@link Actor#stated}. */
    public PipelineOutcome run(RequestDraft draft, String requester, EngineKind engine, ProgressListener progress) {
        return run(draft, Actor.stated(requester), engine, progress);
    }

    public PipelineOutcome run(RequestDraft draft, Actor requester, EngineKind engine, ProgressListener progress) {
        progress.event("approve", "checking the request and its approval route");
        SubmissionResult submission = submit.submit(draft, requester);
        if (submission.replayed()) {
            TenantState state = graph.registry.tenants().require(Slug.of(submission.slug())).state();
            if (INTERRUPTED.contains(state)) {
                return rollBackInterrupted(Slug.of(submission.slug()), submission, progress);
            }
            progress.event("approve", "replay of request " + submission.requestId() + ": tenant is " + state);
            return new PipelineOutcome.Replayed(submission.slug(), submission, state.name());
        }
        TenantRecord submitted = graph.registry.tenants().require(Slug.of(submission.slug()));
        // an engine with saved plans plans now, before any decision: approvers decide on that plan
        try {
            new PlanApproval(graph).plan(submitted, graph.engine(engine), "submitted", progress);
        } catch (TakeoverRefusedException refused) {
            return refuseTakeover(submitted, refused, progress);
        }
        if (!submission.autoApproved()) {
            progress.event("approve", "waiting for approval by " + submission.route().stream()
                    .map(s -> s.group().name()).toList());
            return new PipelineOutcome.AwaitingApproval(submission.slug(), submission);
        }
        progress.event("approve", "auto-approved (budget below the threshold)");
        return provisionApproved(Slug.of(submission.slug()), submission, engine, progress);
    }

    /**
     * A replay finds its request's run mid-way. If a run still holds the tenant's lock it is alive, and the
     * replay is refused (RunInProgressException, as for any second run). Otherwise the run died (a killed
     * process, a crash): what it left is rolled back now, so a re-run of the same request, or of the same
     * file row, never leaves a half-built tenant behind nor builds a second one.
     */
    private PipelineOutcome rollBackInterrupted(Slug slug, SubmissionResult submission, ProgressListener progress) {
        return graph.underRunLock(slug, "provision", () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            if (!INTERRUPTED.contains(tenant.state())) {
                // another replay finished it between our read and the lock
                progress.event("approve", "replay of request " + submission.requestId() + ": tenant is "
                        + tenant.state());
                return new PipelineOutcome.Replayed(slug.value(), submission, tenant.state().name());
            }
            String reason = "the run of request " + submission.requestId() + " was interrupted at " + tenant.state()
                    + " (its process ended without finishing); rolled back on its replay";
            progress.event("rollback", reason);
            RollbackResult result = rollback.rollbackLocked(tenant, reason, progress);
            return new PipelineOutcome.RolledBack(slug.value(), reason, null, result.survivors());
        });
    }

    /** Continues an APPROVED request (after `tenantctl approve`). */
    public PipelineOutcome resume(Slug slug, EngineKind engine, ProgressListener progress) {
        TenantRecord tenant = graph.registry.tenants().require(slug);
        // only an APPROVED request can go on; anything else is refused with the lifecycle's own message
        tenant.state().requireMoveTo(TenantState.PROVISIONING);
        return provisionApproved(slug, null, engine, progress);
    }

    private PipelineOutcome provisionApproved(Slug slug, SubmissionResult submission, EngineKind engine,
                                              ProgressListener progress) {
        return graph.underRunLock(slug, "provision", () -> provisionLocked(slug, submission, engine, progress));
    }

    private PipelineOutcome provisionLocked(Slug slug, SubmissionResult submission, EngineKind engine,
                                            ProgressListener progress) {
        // id, slug, tier and request of the record do not change along the run: one read serves every step
        TenantRecord tenant = graph.registry.tenants().require(slug);
        ProvisioningResult provisioned;
        try {
            provisioned = provision.provisionLocked(tenant, engine, progress);
        } catch (PlanApprovalRequiredException e) {
            progress.event("approve", e.getMessage());
            return new PipelineOutcome.AwaitingApproval(slug.value(), awaiting(tenant));
        }
        if (provisioned instanceof ProvisioningResult.RolledBack failed) {
            return new PipelineOutcome.RolledBack(slug.value(), failed.message(), null,
                    failed.rollback().survivors());
        }
        if (provisioned instanceof ProvisioningResult.Interrupted interrupted) {
            throw new ProvisioningInterruptedException(interrupted);
        }
        ValidationReport report = null;
        try {
            hook.beforeValidation(slug);
            progress.event("validate", "running the eight checks");
            report = validate.validateLocked(tenant, progress);
            if (!report.passed()) {
                return rollBack(tenant, "validation failed: " + String.join("; ", report.blockingFailures()),
                        report, progress);
            }
            graph.failurePoints.reach("activate");
            activate.activateLocked(tenant, progress);
            return new PipelineOutcome.Activated(slug.value(), submission,
                    ((ProvisioningResult.Provisioned) provisioned).outputs(), report);
        } catch (Exception e) {
            // a validation or activation that could not even run must not leave a half-built tenant
            String reason = (report == null ? "validation" : "activation") + " failed: " + e.getMessage();
            return rollBack(tenant, reason, report, progress);
        }
    }

    /**
     * The engine found, before its first plan, a resource of the tenant's names that this run did not create:
     * nothing was planned or created. An approved request fails as a provisioning run that created nothing, and
     * its rollback (the drivers' destroy and the sweep, which delete only what carries this registry's marker for
     * the tenant) leaves that resource as it is; a request still waiting for approval is rejected.
     *
     * @throws TakeoverRefusedException for a request that was waiting for approval (now REJECTED)
     */
    private PipelineOutcome refuseTakeover(TenantRecord tenant, TakeoverRefusedException refused,
                                           ProgressListener progress) {
        return graph.underRunLock(tenant.slug(), "provision", () -> {
            String reason = "takeover refused: " + refused.getMessage();
            progress.event("provision", reason);
            graph.registry.audit().append(new AuditEntry(graph.actor(), tenant.slug().value(), "takeover-refused",
                    null, null, "request " + tenant.requestId() + ": " + refused.getMessage()));
            TenantState state = graph.registry.tenants().require(tenant.slug()).state();
            if (state == TenantState.APPROVED) {
                graph.lifecycle.transition(tenant.slug(), state, TenantState.PROVISIONING, graph.actor(), reason);
                return rollBack(tenant, reason, null, progress);
            }
            graph.lifecycle.transition(tenant.slug(), state, TenantState.REJECTED, graph.actor(), reason);
            throw refused;
        });
    }

    /** The request as it waits again for approval (its route and cost did not change, only its plan). */
    private SubmissionResult awaiting(TenantRecord tenant) {
        StoredRequest request = graph.registry.requests().require(tenant.requestId());
        TenantState state = graph.registry.tenants().require(tenant.slug()).state();
        return new SubmissionResult(request.id().toString(), tenant.slug().value(), request.route().autoApproved(),
                request.route().steps(), tenant.cost().monthlyInr(), state.name(), false);
    }

    private PipelineOutcome rollBack(TenantRecord tenant, String reason, ValidationReport report,
                                     ProgressListener progress) {
        progress.event("rollback", reason + "; rolling back");
        RollbackResult result = rollback.rollbackLocked(tenant, reason, progress);
        return new PipelineOutcome.RolledBack(tenant.slug().value(), reason, report, result.survivors());
    }
}
