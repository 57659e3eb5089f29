package io.tenantprovisioning.registry;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;

/**
 * A hook the lifecycle can call just before it moves a tenant from one state to another; throwing stops
 * the move. It exists so faults can be injected at transitions without subclassing the registry.
 */
@FunctionalInterface
public interface TransitionGuard {

    /** Lets every transition through. */
    TransitionGuard NONE = (tenant, from, to) -> { };

    void beforeTransition(Slug tenant, TenantState from, TenantState to);
}
