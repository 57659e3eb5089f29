package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ResourceKind;
import java.util.Map;

/** A resource read back from its service, including the tags stored on or beside it. */
public record ResourceDescription(ResourceKind kind, String name, String identifier, Map<String, String> tags) {
    public ResourceDescription {
        tags = Map.copyOf(tags);
    }
}
