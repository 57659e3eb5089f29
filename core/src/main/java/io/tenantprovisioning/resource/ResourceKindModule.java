package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one resource kind without touching its service: the kind's naming, the isolation
 * probe that proves it, and its Terraform mapping. Each kind's package holds one of these beside its
 * {@link ResourceDriver} (the phases that touch the service: create or adopt, configure, describe,
 * destroy, list-managed); together they are the kind's module.
 */
public interface ResourceKindModule {

    ResourceKind kind();

    /** The resource's name on its service: the one place the kind derives it from the slug. */
    String name(Slug slug);

    /** The isolation property the kind must prove; empty when it holds no tenant data to isolate. */
    Optional<IsolationProbeRef> isolationProbe();

    TerraformMapping terraform();

    /** The kind's entries of the root modules' {@code names} variable (same rules as {@link #name}). */
    default Map<String, String> terraformNames(Slug slug) {
        return Map.of();
    }
}
