package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.approval.ApproverGroup;
import java.util.List;
import java.util.UUID;

/**
 * The request's approval state after one decision: its tenant's state and the groups still to decide.
 *
 * @param changeVersion 0 for a new tenant's request; for a change of a serving tenant (tenantctl update) the
 *                      configuration version it asks for, and {@code state} is then the change's own
 *                      (PENDING_APPROVAL, APPROVED or REJECTED) while the tenant keeps serving
 */
public record ApprovalOutcome(UUID requestId, String slug, TenantState state, List<ApproverGroup> stillPending,
                              int changeVersion) {
    public ApprovalOutcome {
        stillPending = List.copyOf(stillPending);
    }
}
