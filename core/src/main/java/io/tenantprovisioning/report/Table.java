package io.tenantprovisioning.report;

import java.util.List;
import java.util.Objects;

/**
 * A table with a header row, body rows and optional footer rows (e.g. totals).
 */
public record Table(List<String> headers, List<Row> rows, List<Row> footer) implements ReportBlock {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        footer = List.copyOf(footer);
    }

    public Table(List<String> headers, List<Row> rows) {
        this(headers, rows, List.of());
    }

    /**
     * @param status colours the whole row (and its {@link Kind#STATUS} cell), or null for no colour
     */
    public record Row(Status status, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(Cell... cells) {
            return new Row(null, List.of(cells));
        }
    }

    /**
     * @param lines   the content; several lines are listed one under the other
     * @param kind    how the content is laid out
     * @param tooltip shown on hover, or null
     * @param span    how many columns the cell covers
     */
    public record Cell(List<Line> lines, Kind kind, String tooltip, int span) {

        public Cell {
            lines = List.copyOf(lines);
            Objects.requireNonNull(kind, "kind");
            if (span < 1) {
                throw new IllegalArgumentException("a cell spans at least one column: " + span);
            }
        }

        public static Cell of(Kind kind, Inline... parts) {
            return new Cell(List.of(Line.of(parts)), kind, null, 1);
        }

        public static Cell text(String text) {
            return of(Kind.TEXT, new Inline.Plain(text));
        }

        public static Cell number(String text) {
            return of(Kind.NUMBER, new Inline.Plain(text));
        }

        public Cell withTooltip(String text) {
            return new Cell(lines, kind, text, span);
        }

        public Cell spanning(int columns) {
            return new Cell(lines, kind, tooltip, columns);
        }
    }

    /** How a cell's content is laid out. */
    public enum Kind {
        TEXT,
        /** Right-aligned figures, e.g. amounts. */
        NUMBER,
        /** Right-aligned elapsed times; class "time", which validation pages have always used. */
        DURATION,
        /** The row's outcome in words, coloured by the row's {@link Status}. */
        STATUS,
        /** Free text that keeps its line breaks, e.g. a check's message. */
        MESSAGE
    }
}
