package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads back and destroys one kind of tenant resource on its real service.
 *
 * <p>Contract: {@link #create} is idempotent (a re-run after a crash finishes the job or no-ops);
 * {@link #destroy} is idempotent (deleting what is gone is success) and works from the slug alone,
 * so rollback never depends on a create having returned; {@link #listManaged} asks the service,
 * not the registry, so the sweep finds what the journal missed.
 */
public interface ResourceDriver {

    ResourceKind kind();

    CreatedResource create(TenantResourceSpec spec) throws ResourceException;

    /** The resource as the service sees it now, with its tags; empty when it does not exist. */
    Optional<ResourceDescription> describe(Slug slug) throws ResourceException;

    void destroy(Slug slug) throws ResourceException;

    /** Every resource of this kind the product manages, across all tenants. */
    List<ManagedResource> listManaged() throws ResourceException;
}
