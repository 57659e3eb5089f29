package io.tenantprovisioning.application;

import java.util.List;

/**
 * The saved plan a request's approvers decide on (terraform engine): what applying it does, by resource
 * address and action, and its SHA-256, which each decision records and the apply re-checks.
 *
 * @param autoApproved the approval policy approved it (nothing on the request needs an approver)
 */
public record PlanForApproval(String requestId, String slug, String engine, String planSha256, List<String> summary,
                              boolean autoApproved) {

    public PlanForApproval {
        summary = List.copyOf(summary);
    }
}
