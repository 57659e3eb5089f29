package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import java.util.List;
import java.util.Optional;

/**
 * The phases of one resource kind that touch its real service. The phases that need no service
 * (naming, the isolation probe, the Terraform mapping) are the kind's {@link ResourceKindModule}, in
 * the same package as its driver.
 *
 * <p>Provisioning runs {@link #create} (or {@link #adopt}, when Terraform created the resource) for every
 * kind, then {@link #configure} for every kind: the first phase makes the resource exist, carrying its
 * ownership marker (the tags, on or beside it) and its credentials; the second applies what is derived
 * from the tenant's tier and the created resource (tables and RLS, quotas, demo data, scrape targets) and
 * never issues or changes a credential, so a credential has exactly one owner, the phase that created it.
 *
 * <p>Contract: {@link #create} and {@link #configure} are idempotent (a re-run after a crash finishes the
 * job or no-ops), and {@link #create} refuses a resource of its name that does not carry this registry's
 * {@link OwnershipMarker} for the tenant; {@link #destroy} is idempotent (deleting what is gone is
 * success), works from the slug alone, so rollback never depends on a create having returned, and deletes
 * only what carries the marker; {@link #listManaged} asks the service, not the registry, so the sweep
 * finds what the journal missed, and reports only what carries this registry's marker.
 */
public interface ResourceDriver {

    ResourceKind kind();

    /** Creates the resource with its ownership marker and credentials, or finishes an interrupted create. */
    CreatedResource create(TenantResourceSpec spec) throws ResourceException;

    /**
     * The create phase when Terraform created the resource: reads it back from the service, checks that it
     * is the tenant's, and reports it with the credentials Terraform issued. Never creates or rotates
     * anything. Only kinds whose {@link TerraformMapping} names a root that creates them implement it.
     */
    default CreatedResource adopt(TenantResourceSpec spec, TerraformCreated terraform) throws ResourceException {
        throw new ResourceException(kind().stepName() + ": this driver cannot adopt a resource Terraform created");
    }

    /**
     * Configures what the create phase returned; returns it with the attributes configuration added and
     * one line per thing applied. The default configures nothing: the kind is complete once created.
     */
    default ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        return new ConfiguredResource(created, List.of());
    }

    /**
     * Rewrites the tags (the marker and the chargeback tags) of the tenant's existing resource in place, when
     * a serving tenant's tier or cost center changes: no data, credential or permission is touched. Refuses a
     * resource whose marker names another tenant. Idempotent.
     */
    default void retag(TenantResourceSpec spec) throws ResourceException {
        rewriteTags(spec, TagRewrite.RETAG);
    }

    /**
     * Stamps this registry's marker (with the spec's tags) on the tenant's existing resource that carries
     * tenantctl's tags from before registry markers ({@code tenantctl claim}, after the journal vouched for
     * it); one that already carries the marker is retagged alike. Refuses anyone else's. Idempotent.
     */
    default void claim(TenantResourceSpec spec) throws ResourceException {
        rewriteTags(spec, TagRewrite.CLAIM);
    }

    /** {@link #claim}'s checks on every part of the resource (a bucket and its IAM user, say), writing nothing. */
    default void checkClaim(TenantResourceSpec spec) throws ResourceException {
        rewriteTags(spec, TagRewrite.CLAIM_CHECK);
    }

    /**
     * The one implementation behind {@link #retag}, {@link #claim} and {@link #checkClaim}: checks every part
     * of the resource against {@link OwnershipMarker#requireRewritable}, then (when {@code rewrite} writes)
     * rewrites the tags on all of them. The default rewrites nothing.
     */
    default void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        throw new ResourceException(kind().stepName() + ": this driver cannot rewrite the tags of a resource");
    }

    /**
     * Every resource of the tenant's names that exists on the service now, whatever its tags (unlike
     * {@link #describe}, which reports only this registry's): what an apply that creates these names would take
     * over, one line each naming the resource and whose its tags say it is. Empty when the names are free. The
     * default cannot tell, so it refuses: the terraform engine asks it only of the kinds its root creates.
     */
    default List<String> occupants(Slug slug) throws ResourceException {
        throw new ResourceException(kind().stepName() + ": this driver cannot tell whether a resource of tenant '"
                + slug + "''s names already exists, so Terraform may not create it");
    }

    /** The resource as the service sees it now, with its tags; empty when it does not exist. */
    Optional<ResourceDescription> describe(Slug slug) throws ResourceException;

    void destroy(Slug slug) throws ResourceException;

    /** Every resource of this kind the product manages, across all tenants. */
    List<ManagedResource> listManaged() throws ResourceException;
}
