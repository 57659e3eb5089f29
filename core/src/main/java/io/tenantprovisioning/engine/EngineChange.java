package io.tenantprovisioning.engine;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.util.Set;

/**
 * How an engine that owns some of a serving tenant's resources (terraform) changes them: as a plan made with the
 * new configuration, saved and hashed, approved, then applied exactly (issue #18). Only in-place updates are
 * allowed: a change never creates, destroys or replaces a serving tenant's resource.
 */
public interface EngineChange {

    /** The kinds whose tags and settings the engine itself sets on a change (their drivers must not retag them). */
    Set<ResourceKind> owns();

    /**
     * The plan of moving the tenant's resources to {@code after}, saved (mode 600) until it is applied or discarded.
     * With {@code dryRun} it is made in a scratch folder and deleted at once: a waiting change's plan stays as it is.
     *
     * @throws ChangeNotInPlaceException when the plan would create, destroy or replace anything (nothing is kept)
     */
    EnginePlan plan(TenantResourceSpec after, boolean dryRun, ProgressListener progress);

    /**
     * @throws PlanBindingException when the saved change plan is missing, has another SHA-256, or the root or
     *                              variables differ from those it was made from
     */
    void verify(TenantResourceSpec after, String approvedSha256);

    /**
     * Applies exactly the approved saved plan (verified and re-hashed first), then makes {@code after} the
     * configuration later plans (drift, destroy) start from.
     *
     * @throws PlanBindingException when the plan is not the approved one or Terraform calls it stale (nothing applied)
     */
    void apply(TenantResourceSpec after, String approvedSha256, ProgressListener progress);

    /** Puts {@code before} back (a plan of it, in place only, applied at once): the change failed after its apply. */
    void restore(TenantResourceSpec before, ProgressListener progress);

    /** Deletes a saved change plan that will never be applied (it holds state and sensitive values). */
    void discard(Slug slug, ProgressListener progress);
}
