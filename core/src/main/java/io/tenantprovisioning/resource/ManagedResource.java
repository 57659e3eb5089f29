package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ResourceKind;
/**
 * A resource this registry manages, found on the service itself by its ownership marker (for the sweep).
 *
 * @param tenantSlug the owning tenant's slug as read from the service (tag or name); never null
 */
public record ManagedResource(ResourceKind kind, String name, String tenantSlug) {
}
