package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import java.time.Instant;
import java.util.UUID;

/** One approver group's recorded decision on a request. {@code comment} may be null. */
public record ApprovalRecord(
        UUID requestId,
        ApproverGroup group,
        Verdict decision,
        String approver,
        Instant decidedAt,
        String comment) {
}
