package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ResourceKind;
/**
 * A resource this product manages, found on the service itself by name prefix or tag (for the sweep).
 *
 * @param tenantSlug the owning tenant's slug as read from the service (tag or name); never null
 */
public record ManagedResource(ResourceKind kind, String name, String tenantSlug) {
}
