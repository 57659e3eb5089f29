package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import java.time.Instant;
import java.util.List;

/** One re-validation run over several tenants, in the order they were asked for. */
public record RevalidationReport(Instant startedAt, Instant finishedAt, int parallelism,
                                 List<TenantRevalidation> tenants) {

    public RevalidationReport {
        tenants = List.copyOf(tenants);
    }

    public List<TenantRevalidation.Checked> checked() {
        return tenants.stream().filter(TenantRevalidation.Checked.class::isInstance)
                .map(TenantRevalidation.Checked.class::cast).toList();
    }

    public List<TenantRevalidation.Skipped> skipped() {
        return tenants.stream().filter(TenantRevalidation.Skipped.class::isInstance)
                .map(TenantRevalidation.Skipped.class::cast).toList();
    }

    public List<TenantRevalidation.Failed> failed() {
        return tenants.stream().filter(TenantRevalidation.Failed.class::isInstance)
                .map(TenantRevalidation.Failed.class::cast).toList();
    }

    /** Slugs that are DEGRADED after the run (a skipped tenant counts with the state it was found in). */
    public List<String> degraded() {
        return tenants.stream().filter(RevalidationReport::degradedAfter).map(TenantRevalidation::slug).toList();
    }

    public boolean anyDegraded() {
        return !degraded().isEmpty();
    }

    /** True when every tenant asked for was either checked or skipped on purpose. */
    public boolean complete() {
        return failed().isEmpty();
    }

    private static boolean degradedAfter(TenantRevalidation t) {
        if (t instanceof TenantRevalidation.Checked checked) {
            return checked.after() == TenantState.DEGRADED;
        }
        return t instanceof TenantRevalidation.Skipped skipped && skipped.state() == TenantState.DEGRADED;
    }
}
