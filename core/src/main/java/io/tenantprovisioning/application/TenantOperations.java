package io.tenantprovisioning.application;

import io.tenantprovisioning.validation.report.ValidationRun;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.ProvisioningResult;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import java.util.List;
import java.util.Optional;

/**
 * The engine's operations as the CLI and the Jenkins steps call them. Each call is one step of the
 * lifecycle; failures are exceptions whose messages a person can act on (never secrets).
 */
public interface TenantOperations {

    /**
     * Validates and records a request; decides the approval route (auto or PENDING_APPROVAL). The
     * requester is who the adapter authenticated (the build's user), never a name the caller chose.
     */
    SubmissionResult submit(RequestDraft draft, Actor requester);

    /**
     * Records one group's decision on the named request, refused (nothing recorded) when the request is
     * no longer current or the approver is its requester or decided for another group of it.
     */
    ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                  String comment);

    /**
     * As above, on the saved plan the approver was shown ({@link #planForApproval}); refused when the request has
     * another plan by now. {@code planSha256} null or blank: no plan was shown (direct engine).
     */
    ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                  String comment, String planSha256);

    /**
     * The saved plan the request's approvers decide on (terraform engine): the current one, else a new one made and
     * recorded now. Empty for an engine without saved plans (direct: the request plan's resources are what it
     * creates). Decisions recorded afterwards bind to this plan's SHA-256.
     */
    Optional<PlanForApproval> planForApproval(String requestId, EngineKind engine, ProgressListener progress);

    /**
     * Provisions and configures an APPROVED request.
     *
     * @throws ProvisioningFailedException when it failed; the tenant was rolled back before it is thrown
     */
    ProvisioningResult.Provisioned provision(String requestId, EngineKind engine, ProgressListener progress);

    ValidationRun validate(Slug slug, ProgressListener progress);

    /** VALIDATING → ACTIVE and notifications. */
    String activate(Slug slug, ProgressListener progress);

    RollbackResult rollback(Slug slug, ProgressListener progress);

    /**
     * Records a change of a serving tenant (tier, budget, classification, …) with the route it needs; applies
     * nothing. Its request id takes {@link #recordApproval} like a new request's.
     */
    UpdateResult.AwaitingApproval requestChange(Slug slug, ChangeDraft draft, Actor requester,
                                                ProgressListener progress);

    /**
     * Applies the tenant's APPROVED change in place and re-validates; on failure the previous configuration
     * is restored ({@link UpdateResult.Restored}).
     */
    UpdateResult applyChange(Slug slug, Actor actor, ProgressListener progress);

    /** Slugs of every ACTIVE or DEGRADED tenant, for scheduled re-validation. */
    List<String> activeTenants();
}
