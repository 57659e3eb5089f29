package io.tenantprovisioning.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One `tenantctl rotate` run: the tenant and each credential's outcome, in the order they were rotated. */
public record RotationReport(String slug, Instant startedAt, Instant finishedAt, List<RotationOutcome> outcomes) {

    public RotationReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean anyFailed() {
        return outcomes.stream().anyMatch(o -> o instanceof RotationOutcome.Failed);
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }
}
