package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ResourceKind;
import java.util.Objects;

/**
 * One difference between a tenant's resource journal and what its service reports now.
 *
 * @param resource the resource's name as journalled ("t_acme_corp", "tenant-acme-corp")
 * @param detail   what differs, for people ("tag Tier is 'Gold', journalled 'Bronze'")
 */
public record DriftFinding(ResourceKind kind, String resource, Problem problem, String detail) {

    /** What kind of drift. */
    public enum Problem {
        /** Journalled as created, but the service has no such resource. */
        MISSING,
        /** TenantID, Tier or CostCenter differs from the journalled value (or is gone). */
        TAG_CHANGED,
        /** The service could not be asked; nothing proves the resource is still right. */
        UNREADABLE,
        /** The engine that created the tenant would change it back: Terraform's re-plan is not empty. */
        ENGINE_PLAN
    }

    public DriftFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
    }

    /** "object-store tenant-acme-corp: MISSING — journalled as created but ...". */
    public String line() {
        return kind.stepName() + " " + resource + ": " + problem + " — " + detail;
    }
}
