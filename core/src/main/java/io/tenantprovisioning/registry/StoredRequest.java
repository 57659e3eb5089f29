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
 * @param requestHash     SHA-256 of the request's parameters (without the idempotency key)
 * @param requesterSource where the requester's identity came from (e.g. "jenkins:build-user"); null on
 *                        requests recorded before sources were kept
 */
public record StoredRequest(
        UUID id,
        UUID tenantId,
        RequestDraft request,
        String requestHash,
        String idempotencyKey,
        String requester,
        ApprovalRoute route,
        Instant createdAt,
        String requesterSource) {

    public Optional<String> idempotency() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<String> requesterIdentitySource() {
        return Optional.ofNullable(requesterSource);
    }
}
