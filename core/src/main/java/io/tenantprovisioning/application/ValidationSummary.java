package io.tenantprovisioning.application;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded validation run as the fleet report shows it. A re-validation run counts its
 * {@code resource-drift} result among the checks, so it has one check more than a plain validation.
 *
 * @param passed whether the run let the tenant be (or stay) ACTIVE: no critical check failed
 */
public record ValidationSummary(Instant finishedAt, boolean passed, int checksPassed, int checksTotal) {

    public ValidationSummary {
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** "8/8". */
    public String checks() {
        return checksPassed + "/" + checksTotal;
    }
}
