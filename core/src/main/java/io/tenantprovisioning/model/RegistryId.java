package io.tenantprovisioning.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one registry (one tenantctl installation: production, staging), generated once when its
 * database is created. Every resource the installation creates carries it as its ownership marker.
 */
public record RegistryId(UUID value) {

    public RegistryId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a marker as read back from a service; empty when it is not a registry id at all. */
    public static java.util.Optional<RegistryId> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new RegistryId(UUID.fromString(text.trim())));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
