package io.tenantprovisioning.application;

import io.tenantprovisioning.validation.ValidationReport;
import java.util.List;

/** How `tenantctl update` (or resuming an approved change) ended. */
public sealed interface UpdateResult {

    ChangePlan plan();

    /** --dry-run: the plan only, nothing recorded or changed. */
    record Planned(ChangePlan plan) implements UpdateResult {
    }

    /**
     * Recorded as version {@code plan.version()}; waits for the groups on its route (exit 3), or, from
     * {@code UpdateHandler#submit} with an empty route, to be applied.
     */
    record AwaitingApproval(ChangePlan plan, String requestId) implements UpdateResult {
    }

    /** Applied in place and re-validated: the tenant serves on the new configuration. */
    record Applied(ChangePlan plan, String requestId, ValidationReport report) implements UpdateResult {
    }

    /**
     * Applying or re-validating failed and the previous configuration was put back.
     *
     * @param report        the failed re-validation of the new configuration, null when it failed before that
     * @param restoreErrors what could not be put back (then the tenant was marked DEGRADED); empty when all was
     * @param restored      the re-validation of the restored configuration; null when restoring failed first
     */
    record Restored(ChangePlan plan, String requestId, String reason, ValidationReport report,
                    List<String> restoreErrors, ValidationReport restored) implements UpdateResult {
        public Restored {
            restoreErrors = List.copyOf(restoreErrors);
        }
    }
}
