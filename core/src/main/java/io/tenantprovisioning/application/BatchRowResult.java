package io.tenantprovisioning.application;

import java.time.Duration;
import java.util.List;

/**
 * What became of one row of a request file.
 *
 * @param state   the tenant's state after the row ran (ACTIVE, PENDING_APPROVAL, ROLLED_BACK, ...), or
 *                {@code INVALID} for a row skipped with {@code --skip-invalid}, {@code ERROR} when it could
 *                not run at all
 * @param checks  validation checks passed/total, empty when no validation ran
 * @param replayed the row's idempotency key had run before: its first outcome, not a new run
 * @param notes   the problems of an invalid row, the reason of a failure
 */
public record BatchRowResult(int line, String slug, String state, Duration elapsed, String checks,
                             long monthlyCostInr, boolean replayed, BatchSeverity severity, List<String> notes) {

    public BatchRowResult {
        notes = List.copyOf(notes);
    }
}
