package io.tenantprovisioning.application;

import io.tenantprovisioning.application.ExportSummary;
import io.tenantprovisioning.application.TeardownResult;
import java.util.Objects;
import java.util.Optional;

/**
 * An offboarding: the export taken first (when asked for) and the teardown. Complete only when the
 * sweep found nothing left; otherwise the tenant stays OFFBOARDING and the run can be repeated.
 *
 * @param keptAuditRows the tenant's audit rows after the run (the trail is never deleted)
 * @param keptApprovals the approvals of the tenant's request after the run (never deleted)
 */
public record OffboardingResult(TeardownResult teardown, Optional<ExportSummary> export, int keptAuditRows,
                                int keptApprovals) {

    public OffboardingResult {
        Objects.requireNonNull(teardown, "teardown");
        Objects.requireNonNull(export, "export");
    }

    public boolean complete() {
        return teardown.complete();
    }
}
