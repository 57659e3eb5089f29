package io.tenantprovisioning.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved plan made for a request before approval: what approvers see and what their decisions bind to.
 *
 * @param summary      one line per resource address and action, then the counts (no values)
 * @param autoApproved the approval policy approved this plan (the request's route is empty)
 * @param reason       why this plan was made ("submitted", or why the earlier one no longer counts)
 */
public record RequestPlan(UUID requestId, String engine, String planSha256, List<String> summary,
                          boolean autoApproved, Instant plannedAt, String plannedBy, String reason) {

    public RequestPlan {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(planSha256, "planSha256");
        summary = List.copyOf(summary);
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(plannedBy, "plannedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
