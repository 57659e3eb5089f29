package io.tenantprovisioning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet bench's measurements, in the order they were taken: each a named series of durations, a
 * target it is held against, and the markdown table they make (median, p95 nearest rank, max).
 */
final class FleetFigures {

    /** One row: a series, its target, and whether the target is a ceiling on the median ("≤") or a rate. */
    record Row(String name, List<Duration> samples, String target, Double targetSeconds) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(String name, List<Duration> samples, String target, Double targetSeconds) {
        rows.put(name, new Row(name, List.copyOf(samples), target, targetSeconds));
    }

    void note(String line) {
        notes.add(line);
    }

    static Duration median(List<Duration> samples) {
        List<Duration> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** Nearest rank: with fewer than 20 samples, the slowest. */
    static Duration p95(List<Duration> samples) {
        List<Duration> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    String table() {
        StringBuilder out = new StringBuilder("| figure | runs | median | p95 | max | target | met? |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Row row : rows.values()) {
            Duration median = median(row.samples());
            Duration max = row.samples().stream().max(Duration::compareTo).orElseThrow();
            out.append("| ").append(row.name()).append(" | ").append(row.samples().size()).append(" | ")
                    .append(seconds(median)).append(" | ").append(seconds(p95(row.samples()))).append(" | ")
                    .append(seconds(max)).append(" | ").append(row.target()).append(" | ")
                    .append(verdict(row, median)).append(" |\n");
        }
        return out.toString();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private static String verdict(Row row, Duration median) {
        if (row.targetSeconds() == null) {
            return "—";
        }
        double actual = median.toNanos() / 1e9;
        if (actual <= row.targetSeconds()) {
            return "yes";
        }
        return String.format(Locale.ROOT, "no, %.1f× the target (+%.3f s)", actual / row.targetSeconds(),
                actual - row.targetSeconds());
    }
}
