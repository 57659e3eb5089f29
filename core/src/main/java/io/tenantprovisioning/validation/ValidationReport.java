package io.tenantprovisioning.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One run of the validation suite for one tenant: every check's result in the order they ran.
 *
 * @param tier the tenant's tier as shown to people ("Gold"), or "unknown"
 */
public record ValidationReport(String slug, String tier, Instant startedAt, Instant finishedAt,
                               List<CheckResult> results) {

    /** The result names, in the order reports list their counts. */
    public static final List<String> STATUSES = List.of("PASSED", "FAILED", "WARNING", "TIMED_OUT", "SKIPPED");

    public ValidationReport {
        results = List.copyOf(results);
    }

    /** True when no result blocks activation (no critical check failed, timed out or was skipped). */
    public boolean passed() {
        return results.stream().noneMatch(CheckResult::blocking);
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }

    /** How many results have the given status (PASSED, FAILED, WARNING, TIMED_OUT, SKIPPED). */
    public int count(String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    /** Every status with its count (zero included), keyed in {@link #STATUSES} order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>((a, b) -> STATUSES.indexOf(a) - STATUSES.indexOf(b));
        for (String status : STATUSES) {
            counts.put(status, count(status));
        }
        return counts;
    }

    /** One line per blocking result: "{@code jwt-auth: FAILED — message}". */
    public List<String> blockingFailures() {
        return results.stream().filter(CheckResult::blocking)
                .map(r -> r.checkId() + ": " + r.status() + " — " + r.outcome().message())
                .collect(Collectors.toList());
    }

    /** "PASSED" or "FAILED": the verdict shown in report headers. */
    public String verdict() {
        return passed() ? "PASSED" : "FAILED";
    }
}
