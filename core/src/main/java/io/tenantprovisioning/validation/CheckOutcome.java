package io.tenantprovisioning.validation;

import java.time.Duration;

/**
 * What one check concluded. {@code figure} is the measured value a person reads ("p95 212 ms"),
 * or null when the check measures nothing.
 */
public sealed interface CheckOutcome {

    String message();

    record Passed(String message, String figure) implements CheckOutcome {
    }

    record Failed(String message, String figure) implements CheckOutcome {
    }

    /** A non-critical check found a problem: reported, but does not block activation. */
    record Warning(String message, String figure) implements CheckOutcome {
    }

    record TimedOut(Duration limit) implements CheckOutcome {
        @Override
        public String message() {
            return "did not finish within " + limit.toSeconds() + " s";
        }
    }

    record Skipped(String reason) implements CheckOutcome {
        @Override
        public String message() {
            return reason;
        }
    }
}
