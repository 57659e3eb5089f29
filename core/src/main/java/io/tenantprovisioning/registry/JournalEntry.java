package io.tenantprovisioning.registry;

import io.tenantprovisioning.model.ResourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One resource of a tenant as the journal knows it.
 *
 * @param identifier the service's own identifier, null until created
 * @param attributes non-secret attributes only (secrets live in the vault)
 */
public record JournalEntry(
        long id,
        UUID tenantId,
        ResourceKind kind,
        String name,
        String identifier,
        Map<String, String> tags,
        Map<String, String> attributes,
        JournalStatus status,
        String engine,
        Instant createdAt,
        Instant updatedAt) {

    public JournalEntry {
        tags = Map.copyOf(tags);
        attributes = Map.copyOf(attributes);
    }
}
