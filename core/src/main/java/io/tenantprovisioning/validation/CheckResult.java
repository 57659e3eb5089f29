package io.tenantprovisioning.validation;

import java.time.Duration;

/** A check's outcome with its identity, criticality and how long it took. */
public record CheckResult(String checkId, String displayName, boolean critical, CheckOutcome outcome, Duration elapsed) {

    /** True when this result blocks activation: a critical check that did not pass. */
    public boolean blocking() {
        return critical && !(outcome instanceof CheckOutcome.Passed);
    }

    public String status() {
        // Java 17 has no pattern switch; the sealed interface keeps this list closed.
        if (outcome instanceof CheckOutcome.Passed) {
            return "PASSED";
        } else if (outcome instanceof CheckOutcome.Failed) {
            return "FAILED";
        } else if (outcome instanceof CheckOutcome.Warning) {
            return "WARNING";
        } else if (outcome instanceof CheckOutcome.TimedOut) {
            return "TIMED_OUT";
        }
        return "SKIPPED";
    }
}
