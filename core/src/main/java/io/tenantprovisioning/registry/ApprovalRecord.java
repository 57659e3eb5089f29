package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One approver group's recorded decision on a request. {@code comment} may be null;
 * {@code approverSource} (where the approver's identity came from, e.g. "jenkins:input-submitter")
 * is null on decisions recorded before sources were kept. {@code planSha256} is the saved plan the
 * decision was made on (terraform engine), null when the request had none.
 */
public record ApprovalRecord(
        UUID requestId,
        ApproverGroup group,
        Verdict decision,
        String approver,
        Instant decidedAt,
        String comment,
        String approverSource,
        String planSha256) {

    /** A decision on a request without a saved plan. */
    public ApprovalRecord(UUID requestId, ApproverGroup group, Verdict decision, String approver, Instant decidedAt,
                          String comment, String approverSource) {
        this(requestId, group, decision, approver, decidedAt, comment, approverSource, null);
    }

    public Optional<String> plan() {
        return Optional.ofNullable(planSha256);
    }

    public Optional<String> approverIdentitySource() {
        return Optional.ofNullable(approverSource);
    }
}
