package io.tenantprovisioning.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One `provision --from FILE` run: a result per row in file order, and the worst of them. */
public record BatchReport(String file, int parallelism, Instant startedAt, Instant finishedAt,
                          List<BatchRowResult> rows) {

    public BatchReport {
        rows = List.copyOf(rows);
    }

    public BatchSeverity worst() {
        return rows.stream().map(BatchRowResult::severity).max(Comparator.naturalOrder()).orElse(BatchSeverity.ACTIVE);
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }
}
