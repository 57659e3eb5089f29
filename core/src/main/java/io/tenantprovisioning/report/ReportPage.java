package io.tenantprovisioning.report;

import java.util.List;
import java.util.Objects;

/**
 * A page for people, kept as data until the last moment so one renderer ({@link HtmlPage}) serves
 * every report instead of each page building its own markup.
 *
 * @param title   the document title (browser tab, archive listing)
 * @param heading the page's main heading
 * @param summary the lines under the heading, e.g. counts and the verdict
 * @param blocks  the body, in order
 */
public record ReportPage(String title, String heading, List<Line> summary, List<ReportBlock> blocks) {

    public ReportPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heading, "heading");
        summary = List.copyOf(summary);
        blocks = List.copyOf(blocks);
    }
}
