package io.tenantprovisioning.engine;

import io.tenantprovisioning.resource.ManagedResource;
import java.util.List;

/**
 * What a sweep found on the services, what it removed, and what survived it.
 *
 * @param survivors resources still present after the sweep ("kind name"); empty means clean
 * @param errors    destroy/list failures, one line each (the resource is also a survivor)
 */
public record SweepReport(List<ManagedResource> found, List<ManagedResource> removed, List<String> survivors,
                          List<String> errors, boolean dryRun) {

    public SweepReport {
        found = List.copyOf(found);
        removed = List.copyOf(removed);
        survivors = List.copyOf(survivors);
        errors = List.copyOf(errors);
    }

    public boolean clean() {
        return survivors.isEmpty() && errors.isEmpty();
    }
}
