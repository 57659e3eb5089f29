package io.tenantprovisioning.engine;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.List;
import java.util.Map;

/** Creates a tenant's resources and takes them away again; `direct` and `terraform` implement it. */
public interface ProvisioningEngine {

    /** "direct" or "terraform": stored with the tenant so rollback uses the engine that created it. */
    String name();

    /** Creates every resource, journal first; returns the non-secret outputs. */
    Map<String, String> provision(TenantResourceSpec spec, ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException;

    /** Destroys everything of the tenant, trying every part; returns one line per failure. */
    List<String> destroy(Slug slug, ProgressListener progress);
}
