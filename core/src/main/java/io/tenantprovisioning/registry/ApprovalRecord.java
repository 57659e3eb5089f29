package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One approver group's recorded decision on a request. {@code comment} may be null;
 * {@code approverSource} (where the approver's identity came from, e.g. "jenkins:input-submitter")
 * is null on decisions recorded before sources were kept.
 */
public record ApprovalRecord(
        UUID requestId,
        ApproverGroup group,
        Verdict decision,
        String approver,
        Instant decidedAt,
        String comment,
        String approverSource) {

    public Optional<String> approverIdentitySource() {
        return Optional.ofNullable(approverSource);
    }
}
