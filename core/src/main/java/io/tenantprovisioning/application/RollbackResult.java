package io.tenantprovisioning.application;

import java.util.List;

/**
 * The outcome of a rollback: compensations run, then the sweep.
 *
 * @param survivors resources the sweep still found (kind/name); empty means ROLLED_BACK
 */
public record RollbackResult(String slug, String state, List<String> compensationErrors, List<String> survivors) {
    public RollbackResult {
        compensationErrors = List.copyOf(compensationErrors);
        survivors = List.copyOf(survivors);
    }

    public boolean complete() {
        return survivors.isEmpty();
    }
}
