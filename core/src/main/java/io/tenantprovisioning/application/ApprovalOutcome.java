package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.approval.ApproverGroup;
import java.util.List;
import java.util.UUID;

/** The request's approval state after one decision: its tenant's state and the groups still to decide. */
public record ApprovalOutcome(UUID requestId, String slug, TenantState state, List<ApproverGroup> stillPending) {
    public ApprovalOutcome {
        stillPending = List.copyOf(stillPending);
    }
}
