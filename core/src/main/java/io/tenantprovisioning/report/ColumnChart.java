package io.tenantprovisioning.report;

import java.util.List;
import java.util.Objects;

/**
 * Vertical columns, one per category (e.g. a cost center), each as tall as its share of the largest
 * value. {@link HtmlPage} draws it as inline SVG: a picture with no script, stylesheet or font to
 * fetch, which survives being archived, mailed or opened offline.
 *
 * @param caption what the columns measure
 */
public record ColumnChart(String caption, List<Column> columns) implements ReportBlock {

    public ColumnChart {
        Objects.requireNonNull(caption, "caption");
        columns = List.copyOf(columns);
    }

    /**
     * @param label the category, shown under the column (shortened there; in full in its tooltip)
     * @param value the height of the column; zero and negative values draw none
     * @param shown the value as people read it, e.g. "₹75,000", shown above the column
     */
    public record Column(String label, long value, String shown) {

        public Column {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** The largest value, drawn full height; 0 when no column is positive. */
    public long max() {
        return columns.stream().mapToLong(Column::value).max().orElse(0);
    }

    /** How much of the full height a column takes, 0 to 1. */
    public double shareOf(Column column) {
        long max = max();
        return max <= 0 ? 0 : (double) Math.max(0, column.value()) / max;
    }
}
