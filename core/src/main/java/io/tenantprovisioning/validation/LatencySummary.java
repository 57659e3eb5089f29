package io.tenantprovisioning.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** p50 / p95 / max of measured latencies (nearest-rank percentiles), in milliseconds. */
public record LatencySummary(double p50Millis, double p95Millis, double maxMillis, int samples) {

    public static LatencySummary of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("latency summary: no samples");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new LatencySummary(millis(rank(sorted, 50)), millis(rank(sorted, 95)),
                millis(sorted[sorted.length - 1]), sorted.length);
    }

    /** Nearest rank: the smallest sample with at least p percent of samples at or below it. */
    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** "p50 12 ms, p95 31 ms, max 40 ms". */
    public String figure() {
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, max %.0f ms", p50Millis, p95Millis, maxMillis);
    }
}
