package io.tenantprovisioning.report;

import java.util.List;

/** One line of mixed text: plain words with emphasis, code, links or a verdict. */
public record Line(List<Inline> parts) {

    public Line {
        parts = List.copyOf(parts);
    }

    public static Line of(Inline... parts) {
        return new Line(List.of(parts));
    }

    public static Line plain(String text) {
        return of(new Inline.Plain(text));
    }
}
