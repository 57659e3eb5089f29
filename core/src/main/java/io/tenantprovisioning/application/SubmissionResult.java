package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApprovalStep;
import java.util.List;

/** A request recorded in the registry, with the approval route it needs. */
public record SubmissionResult(
        String requestId,
        String slug,
        boolean autoApproved,
        List<ApprovalStep> route,
        long monthlyCostInr,
        String state,
        boolean replayed) {
    public SubmissionResult {
        route = List.copyOf(route);
    }
}
