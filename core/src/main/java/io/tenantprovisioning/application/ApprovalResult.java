package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApproverGroup;
import java.util.List;

/** The request's approval state after recording one decision. */
public record ApprovalResult(String requestId, String slug, String state, List<ApproverGroup> stillPending) {
    public ApprovalResult {
        stillPending = List.copyOf(stillPending);
    }
}
