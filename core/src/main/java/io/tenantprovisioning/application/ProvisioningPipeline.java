package io.tenantprovisioning.application;

import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.PipelineHook;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.application.ProvisioningFailedException;
import io.tenantprovisioning.model.TenantState;
import java.util.Map;

/**
 * The whole job as `tenantctl provision` and `resume` run it: submit → approval route → provision →
 * configure → validate → ACTIVE, or rollback on any failure. One run lock for the whole run.
 */
public final class ProvisioningPipeline {

    private final TenantPlatform platform;
    private final PipelineHook hook;

    public ProvisioningPipeline(TenantPlatform platform) {
        this(platform, PipelineHook.NONE);
    }

    public ProvisioningPipeline(TenantPlatform platform, PipelineHook hook) {
        this.platform = platform;
        this.hook = hook;
    }

    public PipelineOutcome run(RequestDraft draft, String requester, EngineKind engine, ProgressListener progress) {
        progress.event("approve", "checking the request and its approval route");
        SubmissionResult submission = platform.submit(draft, requester);
        if (submission.replayed()) {
            String state = platform.services().registry().tenants().require(Slug.of(submission.slug())).state().name();
            progress.event("approve", "replay of request " + submission.requestId() + ": tenant is " + state);
            return new PipelineOutcome.Replayed(submission.slug(), submission, state);
        }
        if (!submission.autoApproved()) {
            progress.event("approve", "waiting for approval by " + submission.route().stream()
                    .map(s -> s.group().name()).toList());
            return new PipelineOutcome.AwaitingApproval(submission.slug(), submission);
        }
        progress.event("approve", "auto-approved (budget below the threshold)");
        return provisionApproved(Slug.of(submission.slug()), submission, engine, progress);
    }

    /** Continues an APPROVED request (after `tenantctl approve`). */
    public PipelineOutcome resume(Slug slug, EngineKind engine, ProgressListener progress) {
        TenantRecord tenant = platform.services().registry().tenants().require(slug);
        // only an APPROVED request can go on; anything else is refused with the lifecycle's own message
        tenant.state().requireMoveTo(TenantState.PROVISIONING);
        return provisionApproved(slug, null, engine, progress);
    }

    private PipelineOutcome provisionApproved(Slug slug, SubmissionResult submission, EngineKind engine,
                                              ProgressListener progress) {
        return platform.underRunLock(slug, "provision", () -> provisionLocked(slug, submission, engine, progress));
    }

    private PipelineOutcome provisionLocked(Slug slug, SubmissionResult submission, EngineKind engine,
                                            ProgressListener progress) {
        // id, slug, tier and request of the record do not change along the run: one read serves every step
        TenantRecord tenant = platform.services().registry().tenants().require(slug);
        Map<String, String> outputs;
        try {
            outputs = platform.provisionLocked(tenant, engine, progress).outputs();
        } catch (ProvisioningFailedException e) {
            return new PipelineOutcome.RolledBack(slug.value(), e.getMessage(), null,
                    e.teardown().sweep().survivors());
        }
        ValidationReport report = null;
        try {
            hook.beforeValidation(slug);
            progress.event("validate", "running the eight checks");
            report = platform.validateLocked(tenant, progress);
            if (!report.passed()) {
                return rollBack(slug, "validation failed: " + String.join("; ", report.blockingFailures()),
                        report, progress);
            }
            platform.failurePoints().reach("activate");
            platform.activateLocked(tenant, progress);
            return new PipelineOutcome.Activated(slug.value(), submission, outputs, report);
        } catch (Exception e) {
            // a validation or activation that could not even run must not leave a half-built tenant
            String reason = (report == null ? "validation" : "activation") + " failed: " + e.getMessage();
            return rollBack(slug, reason, report, progress);
        }
    }

    private PipelineOutcome rollBack(Slug slug, String reason, ValidationReport report, ProgressListener progress) {
        progress.event("rollback", reason + "; rolling back");
        RollbackResult rollback = platform.rollbackLocked(slug, reason, progress);
        return new PipelineOutcome.RolledBack(slug.value(), reason, report, rollback.survivors());
    }
}
