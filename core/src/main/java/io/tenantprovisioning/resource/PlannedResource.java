package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ResourceKind;
import java.util.Map;

/** A resource the plan says a tenant will get: its kind, name on the service, and tags. */
public record PlannedResource(ResourceKind kind, String name, Map<String, String> tags) {
    public PlannedResource {
        tags = Map.copyOf(tags);
    }
}
