package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.engine.SweepReport;
import java.util.List;

/**
 * A tenant's resources taken away: what the engine's compensations reported and what the sweep
 * then found. Done only when the sweep is clean.
 */
public record TeardownResult(String slug, TenantState state, List<String> compensationErrors, SweepReport sweep) {

    public TeardownResult {
        compensationErrors = List.copyOf(compensationErrors);
    }

    public boolean complete() {
        return sweep.clean();
    }
}
