package io.tenantprovisioning.report;

import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, each as long as its share of the largest value.
 *
 * @param caption what the bars measure
 */
public record BarChart(String caption, List<Bar> bars) implements ReportBlock {

    public BarChart {
        Objects.requireNonNull(caption, "caption");
        bars = List.copyOf(bars);
    }

    /**
     * @param value the length of the bar; negative values draw no bar
     * @param shown the value as people read it, e.g. "₹75,000"
     */
    public record Bar(String label, long value, String shown) {
    }

    /** The largest value, drawn full width; 0 when no bar is positive. */
    public long max() {
        return bars.stream().mapToLong(Bar::value).max().orElse(0);
    }

    /** How much of the full width a bar takes, 0 to 100. */
    public double percentOf(Bar bar) {
        long max = max();
        return max <= 0 ? 0 : 100.0 * Math.max(0, bar.value()) / max;
    }
}
