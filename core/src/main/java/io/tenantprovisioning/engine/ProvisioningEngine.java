package io.tenantprovisioning.engine;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.List;
import java.util.Map;

/**
 * Creates a tenant's resources, configures them, and takes them away again; `direct` and `terraform`
 * implement it. The two phases are separate calls so the lifecycle can record PROVISIONING (create) and
 * CONFIGURING (configure) as what really happens in each.
 */
public interface ProvisioningEngine {

    /** "direct" or "terraform": stored with the tenant so rollback uses the engine that created it. */
    String name();

    /**
     * The create phase: every resource made to exist (by its driver, or by Terraform and adopted), journal
     * first, credentials into the vault. Throws on the first failure, the journal saying how far it got.
     */
    CreatedResources create(TenantResourceSpec spec, ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException;

    /**
     * The configure phase: every kind's configuration of what {@code created} holds, in dependency order;
     * issues no credential. Returns the non-secret outputs and what was configured.
     */
    ConfiguredResources configure(TenantResourceSpec spec, CreatedResources created, ProvisioningJournal journal,
                                  ProgressListener progress) throws ResourceException;

    /** Both phases, for a caller with no lifecycle to record between them (a canary); returns the outputs. */
    default Map<String, String> provision(TenantResourceSpec spec, ProvisioningJournal journal,
                                          ProgressListener progress) throws ResourceException {
        return configure(spec, create(spec, journal, progress), journal, progress).outputs();
    }

    /** Destroys everything of the tenant, trying every part; returns one line per failure. */
    List<String> destroy(Slug slug, ProgressListener progress);

    /**
     * What the engine itself would change to bring the tenant's resources back to what it made, one line per
     * change; empty when nothing. The direct engine keeps no desired state beyond the journal, which
     * re-validation compares itself (default: nothing); the terraform engine re-plans.
     */
    default List<String> drift(Slug slug, ProgressListener progress) {
        return List.of();
    }
}
