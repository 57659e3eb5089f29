package io.tenantprovisioning.registry;

import java.time.Instant;

/**
 * One stored audit row, with its place in the hash chain: {@code hash} covers {@code prevHash} and
 * every other field, computed as {@code hashAlg} says.
 */
public record AuditRecord(
        long id,
        Instant at,
        String actor,
        String tenantSlug,
        String action,
        String fromState,
        String toState,
        String reason,
        String prevHash,
        String hash,
        ChainHash hashAlg) {
}
