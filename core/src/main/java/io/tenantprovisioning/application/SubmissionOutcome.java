package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.request.Slug;
import java.util.UUID;

/**
 * A request as recorded: its tenant's state now and the route it needs.
 *
 * @param replayed true when an earlier request with the same idempotency key and parameters was
 *                 found and nothing new was recorded
 */
public record SubmissionOutcome(
        UUID requestId,
        UUID tenantId,
        Slug slug,
        ApprovalRoute route,
        long monthlyCostInr,
        TenantState state,
        boolean replayed) {

    public boolean autoApproved() {
        return route.autoApproved();
    }
}
