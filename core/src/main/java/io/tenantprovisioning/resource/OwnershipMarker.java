package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import java.util.Map;

/**
 * The ownership marker every resource carries, on or beside it: {@code ManagedBy=tenantctl} and the
 * tenant's {@code TenantID}. Create and adopt take over an existing resource of the tenant's name only when
 * the marker says it is this tenant's. A resource with no marker at all is taken over too: names are the
 * tenant's own (derived from its slug), a create interrupted before it wrote the marker leaves exactly
 * that, and the sweep counts such a resource as the tenant's by name alike.
 */
public final class OwnershipMarker {

    private OwnershipMarker() {
    }

    /**
     * Passes when the tags are the tenant's marker or carry no marker; refuses, changing nothing, when they
     * name another manager or another tenant.
     */
    public static void requireTakeable(String what, Map<String, String> tags, Slug slug) throws ResourceException {
        String managedBy = tags.get(ChargebackTags.MANAGED_BY);
        if (managedBy != null && !managedBy.equals(ChargebackTags.MANAGED_BY_VALUE)) {
            throw new ResourceException(what + " already exists and is managed by '" + managedBy
                    + "', not tenantctl; nothing was changed");
        }
        String owner = tags.get(ChargebackTags.TENANT_ID);
        if (owner != null && !owner.equals(slug.value())) {
            throw new ResourceException(what + " already exists and belongs to tenant '" + owner
                    + "'; nothing was changed");
        }
    }

    /** Passes only when the tags carry the tenant's marker (what Terraform's tagged resources must show). */
    public static void requireMarked(String what, Map<String, String> tags, Slug slug) throws ResourceException {
        requireTakeable(what, tags, slug);
        if (!tags.containsKey(ChargebackTags.MANAGED_BY) || !tags.containsKey(ChargebackTags.TENANT_ID)) {
            throw new ResourceException(what + " carries no ownership marker (" + ChargebackTags.MANAGED_BY + " and "
                    + ChargebackTags.TENANT_ID + " tags); it was not created for tenant " + slug);
        }
    }
}
