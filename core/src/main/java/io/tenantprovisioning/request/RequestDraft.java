package io.tenantprovisioning.request;

/**
 * A tenant request exactly as a person typed it (CLI flags, Jenkins parameters): all text, nothing
 * checked. {@link RequestValidator} turns it into a {@link TenantRequest} or lists every problem.
 */
public record RequestDraft(
        String name,
        String tier,
        String region,
        String budget,
        String ownerEmail,
        String classification,
        String jurisdiction,
        boolean crossBorderTransfer,
        String costCenter,
        String idempotencyKey) {
}
