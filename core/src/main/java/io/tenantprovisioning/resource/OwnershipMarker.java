package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.RegistryId;
import io.tenantprovisioning.request.Slug;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ownership marker every resource carries, on or beside it: {@code ManagedBy=tenantctl}, the tenant's
 * {@code TenantID} and {@value #REGISTRY_TAG}, the id of the registry that created it. The name of a
 * resource proves nothing (anyone may create a bucket {@code tenant-acme} or a role {@code t_acme}, and a
 * staging registry on the same services derives the same names), so only this marker makes a resource
 * this registry's: create takes over an existing resource only when it carries it, destroy deletes only
 * what carries it, and listing for the sweep reports only what carries it.
 */
public record OwnershipMarker(RegistryId registry) {

    /** The tag (label, hash field, row key) naming the registry that created the resource. */
    public static final String REGISTRY_TAG = "TenantctlRegistry";

    public OwnershipMarker {
        Objects.requireNonNull(registry, "registry");
    }

    /** Whose a resource is, as its tags say, seen from this registry for one tenant. */
    public enum Ownership {
        /** This registry's marker for this tenant. */
        OURS,
        /** tenantctl's tags from before registry markers: no registry named, so no registry can claim it. */
        PRE_REGISTRY,
        OTHER_REGISTRY,
        OTHER_TENANT,
        OTHER_MANAGER,
        /** No marker at all: not created by tenantctl (or by no registry that says so). */
        UNMARKED
    }

    /** The tags with the full marker of this registry for the tenant (overriding whatever they said). */
    public Map<String, String> stamp(Map<String, String> tags, Slug slug) {
        Map<String, String> stamped = new LinkedHashMap<>(tags);
        stamped.put(ChargebackTags.TENANT_ID, slug.value());
        stamped.put(ChargebackTags.MANAGED_BY, ChargebackTags.MANAGED_BY_VALUE);
        stamped.put(REGISTRY_TAG, registry.toString());
        return stamped;
    }

    public Ownership of(Map<String, String> tags, Slug slug) {
        String managedBy = tags.get(ChargebackTags.MANAGED_BY);
        String tenant = tags.get(ChargebackTags.TENANT_ID);
        String marker = tags.get(REGISTRY_TAG);
        if (managedBy == null && tenant == null && marker == null) {
            return Ownership.UNMARKED;
        }
        if (managedBy != null && !managedBy.equals(ChargebackTags.MANAGED_BY_VALUE)) {
            return Ownership.OTHER_MANAGER;
        }
        if (marker != null && !marker.equals(registry.toString())) {
            return Ownership.OTHER_REGISTRY;
        }
        if (tenant != null && !tenant.equals(slug.value())) {
            return Ownership.OTHER_TENANT;
        }
        return marker == null ? Ownership.PRE_REGISTRY : Ownership.OURS;
    }

    /**
     * Whether describe reports a resource of the tenant's name with these tags: this registry's, or one from
     * before registry markers (validation keeps reading those; destroy refuses them loudly).
     */
    public boolean describes(Map<String, String> tags, Slug slug) {
        Ownership ownership = of(tags, slug);
        return ownership == Ownership.OURS || ownership == Ownership.PRE_REGISTRY;
    }

    /** Whether the tags carry this registry's marker (whatever the tenant): what listing for the sweep keeps. */
    public boolean carries(Map<String, String> tags) {
        return registry.toString().equals(tags.get(REGISTRY_TAG))
                && ChargebackTags.MANAGED_BY_VALUE.equals(tags.getOrDefault(ChargebackTags.MANAGED_BY,
                        ChargebackTags.MANAGED_BY_VALUE));
    }

    /** The tenant named by tags that carry this registry's marker; empty for anything else. */
    public Optional<String> tenantOf(Map<String, String> tags) {
        return carries(tags) ? Optional.ofNullable(tags.get(ChargebackTags.TENANT_ID)) : Optional.empty();
    }

    /**
     * Create (or adopt) found the resource already there: passes only when it carries this registry's marker
     * for this tenant (a re-run finishing its own create); otherwise refuses, having changed nothing.
     */
    public void requireOurs(String what, Map<String, String> tags, Slug slug) throws ResourceException {
        Ownership ownership = of(tags, slug);
        if (ownership != Ownership.OURS) {
            throw new ResourceException(refusal(what, ownership, tags) + "; nothing was changed");
        }
    }

    /**
     * A rewrite of the tags of the tenant's existing resource may go ahead: {@link TagRewrite#RETAG} only on
     * this registry's resource, a claim also on one from before registry markers; anything
     * else is refused, having changed nothing.
     */
    public void requireRewritable(TagRewrite rewrite, String what, Map<String, String> tags, Slug slug)
            throws ResourceException {
        if (rewrite.takesPreRegistry() && of(tags, slug) == Ownership.PRE_REGISTRY) {
            return;
        }
        requireOurs(what, tags, slug);
    }

    /**
     * Whether destroy may delete the resource: yes when it carries this registry's marker for the tenant; no
     * (leave it, it is not this registry's: typically what create refused) for anything unmarked or someone
     * else's. A resource from before registry markers is neither provably ours nor someone else's: refused
     * loudly, so a rollback or offboarding that meets one fails naming it instead of leaking it silently.
     */
    public boolean mayDestroy(String what, Map<String, String> tags, Slug slug) throws ResourceException {
        Ownership ownership = of(tags, slug);
        if (ownership == Ownership.PRE_REGISTRY) {
            throw new ResourceException(refusal(what, ownership, tags) + "; it was not deleted");
        }
        return ownership == Ownership.OURS;
    }

    private String refusal(String what, Ownership ownership, Map<String, String> tags) {
        return switch (ownership) {
            case OURS -> what + " is this registry's";
            case UNMARKED -> what + " already exists without tenantctl's ownership marker, so this registry ("
                    + registry + ") did not create it";
            case OTHER_MANAGER -> what + " already exists and is managed by '" + tags.get(ChargebackTags.MANAGED_BY)
                    + "', not tenantctl";
            case OTHER_REGISTRY -> what + " already exists and was created by another tenantctl registry ("
                    + tags.get(REGISTRY_TAG) + "), not this one (" + registry + ")";
            case OTHER_TENANT -> what + " already exists and belongs to tenant '"
                    + tags.get(ChargebackTags.TENANT_ID) + "'";
            case PRE_REGISTRY -> what + " carries tenantctl's tags from before registry markers (no "
                    + REGISTRY_TAG + "), so this registry (" + registry + ") cannot tell that it created it"
                    + " (see the README: resources created before the registry marker)";
        };
    }
}
