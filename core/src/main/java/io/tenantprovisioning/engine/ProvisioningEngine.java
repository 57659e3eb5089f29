package io.tenantprovisioning.engine;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Whether this engine saves a plan before approval and applies only that plan (default: no). */
    default boolean savesPlans() {
        return false;
    }

    /**
     * The plan approvers see and the approval binds to, made before approval and saved where the apply will
     * find it. Empty for an engine without a saved plan (the direct engine: what it creates is the request
     * plan's resource list, which approvers already see).
     */
    default Optional<EnginePlan> planForApproval(TenantResourceSpec spec, ProgressListener progress) {
        return Optional.empty();
    }

    /**
     * Checks, before anything is claimed or applied, that the plan saved for {@code spec} is still the one
     * approved ({@code approvedSha256}); nothing to check for an engine without saved plans.
     *
     * @throws PlanBindingException naming what differs
     */
    default void verifyApprovedPlan(TenantResourceSpec spec, String approvedSha256, ProgressListener progress) {
    }

    /**
     * The create phase applying exactly the approved saved plan (re-hashed first); an engine without saved
     * plans creates as {@link #create} does.
     *
     * @throws PlanBindingException when the plan to apply is not the approved one (nothing was applied)
     */
    default CreatedResources createFromApprovedPlan(TenantResourceSpec spec, String approvedSha256,
                                                    ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        return create(spec, journal, progress);
    }

    /**
     * How this engine changes a serving tenant's resources it owns through a saved, approved plan; empty when
     * it has no such plan (the direct engine: its drivers retag and reconfigure in place).
     */
    default Optional<EngineChange> changes() {
        return Optional.empty();
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

    /**
     * The resource addresses the engine's own state holds for the tenant (Terraform: {@code state list} of its
     * workspace, read with the tenant's state key from the vault); empty for an engine that keeps none (direct).
     */
    default List<String> stateList(Slug slug, ProgressListener progress) {
        return List.of();
    }
}
