package io.tenantprovisioning.report;

import java.util.Objects;

/** A line of prose, e.g. why a report is empty. */
public record Paragraph(Line line) implements ReportBlock {

    public Paragraph {
        Objects.requireNonNull(line, "line");
    }

    public static Paragraph of(String text) {
        return new Paragraph(Line.plain(text));
    }
}
