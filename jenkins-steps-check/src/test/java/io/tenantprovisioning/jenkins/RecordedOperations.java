package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.ProvisioningResult;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.application.TenantOperations;
import io.tenantprovisioning.validation.report.ValidationRun;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.request.Slug;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recorded fake of the engine: remembers every call and its arguments, answers with canned
 * results, can fail on demand and emits canned progress. Tests the glue, not the engine.
 */
final class RecordedOperations implements TenantOperations, AutoCloseable {

    final List<String> calls = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    Settings settings;
    RequestDraft draft;
    String requester;
    String requesterSource;
    final List<String> approverSources = new ArrayList<>();
    boolean closed;
    RuntimeException failure;

    SubmissionResult submission;
    PlanForApproval plan;
    ApprovalResult approval;
    ProvisioningResult.Provisioned provisioning;
    ValidationRun validation;
    RollbackResult rollback;
    String activatedState = "ACTIVE";
    UpdateResult.AwaitingApproval changeRequest;
    UpdateResult changeApplied;

    /** The recorded engine, opened with the controller's settings given (never the build's environment). */
    OperationsProvider provider(Settings controller) {
        return new OperationsProvider((s, operator) -> {
            settings = s;
            return this;
        }, () -> controller);
    }

    @Override
    public SubmissionResult submit(RequestDraft draft, Actor requester) {
        calls.add("submit " + draft.name());
        this.draft = draft;
        this.requester = requester.id();
        this.requesterSource = requester.source().label();
        return answer(submission);
    }

    @Override
    public ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                         String comment) {
        calls.add("recordApproval " + requestId + " " + group + " " + approver.id() + " " + decision + " " + comment);
        approverSources.add(approver.source().label());
        return answer(approval);
    }

    @Override
    public ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                         String comment, String planSha256) {
        if (planSha256 == null || planSha256.isBlank()) {
            return recordApproval(requestId, group, approver, decision, comment);
        }
        calls.add("recordApproval " + requestId + " " + group + " " + approver.id() + " " + decision + " " + comment
                + " on plan " + planSha256);
        approverSources.add(approver.source().label());
        return answer(approval);
    }

    @Override
    public Optional<PlanForApproval> planForApproval(String requestId, EngineKind engine, ProgressListener listener) {
        calls.add("planForApproval " + requestId + " " + engine);
        return Optional.ofNullable(plan);
    }

    @Override
    public ProvisioningResult.Provisioned provision(String requestId, EngineKind engine, ProgressListener listener) {
        calls.add("provision " + requestId + " " + engine);
        return emit(listener, provisioning);
    }

    @Override
    public ValidationRun validate(Slug slug, ProgressListener listener) {
        calls.add("validate " + slug);
        return emit(listener, validation);
    }

    @Override
    public String activate(Slug slug, ProgressListener listener) {
        calls.add("activate " + slug);
        return emit(listener, activatedState);
    }

    @Override
    public RollbackResult rollback(Slug slug, ProgressListener listener) {
        calls.add("rollback " + slug);
        return emit(listener, rollback);
    }

    @Override
    public UpdateResult.AwaitingApproval requestChange(Slug slug, ChangeDraft draft, Actor requester,
                                                       ProgressListener listener) {
        calls.add("requestChange " + slug + " tier=" + draft.tier() + " budget=" + draft.budget());
        this.requester = requester.id();
        this.requesterSource = requester.source().label();
        return emit(listener, changeRequest);
    }

    @Override
    public UpdateResult applyChange(Slug slug, Actor actor, ProgressListener listener) {
        calls.add("applyChange " + slug + " as " + actor.id());
        return emit(listener, changeApplied);
    }

    @Override
    public List<String> activeTenants() {
        calls.add("activeTenants");
        return answer(List.of());
    }

    @Override
    public void close() {
        closed = true;
    }

    private <T> T emit(ProgressListener listener, T value) {
        progress.forEach(line -> listener.event("test", line));
        return answer(value);
    }

    private <T> T answer(T value) {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
