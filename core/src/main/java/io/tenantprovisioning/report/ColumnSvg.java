package io.tenantprovisioning.report;

import java.util.List;

/**
 * The SVG drawing of a {@link ColumnChart}, part of {@link HtmlPage} (kept apart only for size).
 * Colours are presentation attributes rather than CSS, so the drawing looks the same when copied
 * out of the page; every text goes through the page's escaping.
 */
final class ColumnSvg {

    private static final int COLUMN_WIDTH = 80;
    private static final int GAP = 12;
    private static final int MARGIN = 16;
    /** Room above the tallest column for its value. */
    private static final int TOP = 24;
    private static final int PLOT_HEIGHT = 160;
    /** Room under the baseline for the labels. */
    private static final int BOTTOM = 28;
    private static final int MIN_WIDTH = 240;
    /** Longer labels are shortened under the column and shown in full in the tooltip. */
    private static final int LABEL_CHARACTERS = 10;
    private static final String FILL = "#0969da";

    private ColumnSvg() {
    }

    static void draw(StringBuilder html, ColumnChart chart) {
        List<ColumnChart.Column> columns = chart.columns();
        int width = Math.max(MIN_WIDTH, 2 * MARGIN + columns.size() * COLUMN_WIDTH
                + Math.max(0, columns.size() - 1) * GAP);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int baseline = TOP + PLOT_HEIGHT;
        String caption = HtmlPage.text(chart.caption());
        html.append("<figure class=\"chart columns\">\n<figcaption>").append(caption).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"columns\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" aria-label=\"").append(caption).append("\">\n")
                .append("<title>").append(caption).append("</title>\n");
        for (int i = 0; i < columns.size(); i++) {
            column(html, columns.get(i), chart.shareOf(columns.get(i)), MARGIN + i * (COLUMN_WIDTH + GAP), baseline);
        }
        html.append("<line x1=\"").append(MARGIN).append("\" y1=\"").append(baseline).append("\" x2=\"")
                .append(width - MARGIN).append("\" y2=\"").append(baseline)
                .append("\" stroke=\"#57606a\" stroke-width=\"1\"/>\n</svg>\n</figure>\n");
    }

    private static void column(StringBuilder html, ColumnChart.Column column, double share, int x, int baseline) {
        int barHeight = (int) Math.round(PLOT_HEIGHT * share);
        int centre = x + COLUMN_WIDTH / 2;
        String shown = HtmlPage.text(column.shown());
        html.append("<g class=\"column\"><title>").append(HtmlPage.text(column.label())).append(": ").append(shown)
                .append("</title>")
                .append("<rect x=\"").append(x).append("\" y=\"").append(baseline - barHeight)
                .append("\" width=\"").append(COLUMN_WIDTH).append("\" height=\"").append(barHeight)
                .append("\" fill=\"").append(FILL).append("\"/>")
                .append("<text class=\"value\" x=\"").append(centre).append("\" y=\"").append(baseline - barHeight - 6)
                .append("\" text-anchor=\"middle\">").append(shown).append("</text>")
                .append("<text class=\"label\" x=\"").append(centre).append("\" y=\"").append(baseline + 18)
                .append("\" text-anchor=\"middle\">").append(HtmlPage.text(shortened(column.label())))
                .append("</text></g>\n");
    }

    /** At most {@value #LABEL_CHARACTERS} characters (code points, so no emoji is cut in half). */
    static String shortened(String label) {
        if (label.codePointCount(0, label.length()) <= LABEL_CHARACTERS) {
            return label;
        }
        int end = label.offsetByCodePoints(0, LABEL_CHARACTERS - 1);
        return label.substring(0, end) + "…";
    }
}
