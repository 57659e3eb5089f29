package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.request.RequestDraft;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A provisioning request as recorded. {@code request} holds the validated values in their
 * canonical text form; feeding it to {@code RequestValidator} gives the {@code TenantRequest} back.
 *
 * @param requestHash SHA-256 of the request's parameters (without the idempotency key)
 */
public record StoredRequest(
        UUID id,
        UUID tenantId,
        RequestDraft request,
        String requestHash,
        String idempotencyKey,
        String requester,
        ApprovalRoute route,
        Instant createdAt) {

    public Optional<String> idempotency() {
        return Optional.ofNullable(idempotencyKey);
    }
}
