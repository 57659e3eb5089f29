package io.tenantprovisioning.report;

import io.tenantprovisioning.text.SafeText;
import java.util.List;
import java.util.Locale;

/**
 * Renders any {@link ReportPage} as HTML with no scripts: self-contained (inline CSS, so it can be mailed
 * and still open anywhere), or linking the stylesheet file {@link #STYLESHEET} beside it, with no style
 * block or attribute at all, for Jenkins, whose default Content-Security-Policy for archived files
 * ({@code style-src 'self'}) drops inline styles. Every text goes through {@link SafeText}, and the
 * markup is also well-formed XML, so tools can parse it.
 */
public final class HtmlPage {

    /** Shared by every page; a {@link Status} name is both the row class and the verdict class. */
    static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328}",
            "h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}",
            "h3,h4,h5,h6{font-size:1rem;margin:1.5rem 0 .5rem}",
            "header p{margin:.2rem 0;color:#57606a}",
            ".verdict{font-weight:700;padding:.1rem .5rem;border-radius:4px;color:#fff}",
            ".verdict.PASSED{background:#1a7f37}.verdict.FAILED{background:#cf222e}",
            ".verdict.TIMED_OUT{background:#bc4c00}.verdict.WARNING{background:#9a6700}",
            ".verdict.SKIPPED{background:#57606a}",
            "table{border-collapse:collapse;margin:1rem 0;width:100%}",
            "th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}tfoot td{font-weight:700}code{font-size:.85em}",
            "td.num,td.time{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}",
            "td.message{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em}",
            "ul.lines{list-style:none;margin:0;padding:0}",
            ".result{font-weight:700;white-space:nowrap}",
            "tr.PASSED .result{color:#1a7f37}tr.FAILED .result{color:#cf222e}",
            "tr.TIMED_OUT .result{color:#bc4c00}tr.WARNING .result{color:#9a6700}",
            "tr.SKIPPED .result{color:#57606a}",
            "tr.FAILED,tr.TIMED_OUT{background:#ffebe9}tr.WARNING{background:#fff8c5}",
            "figure.chart{margin:.5rem 0 1rem;max-width:48rem}",
            "figcaption{color:#57606a;font-size:.9em;margin-bottom:.3rem}",
            ".bar-row{display:flex;align-items:center;gap:.5rem;margin:.15rem 0;font-size:.9em}",
            ".bar-label{flex:0 0 14rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}",
            ".bar-track{flex:1 1 auto;background:#f6f8fa;height:1rem;border-radius:3px}",
            ".bar{display:block;height:1rem;background:#0969da;border-radius:3px}",
            ".bar-value{flex:0 0 8rem;text-align:right;font-variant-numeric:tabular-nums}",
            "figure.chart.columns{max-width:none}svg.columns{display:block;max-width:100%;height:auto}",
            "svg.columns text{font-family:system-ui,sans-serif;font-size:12px;fill:#1f2328}",
            ".trend{white-space:nowrap;letter-spacing:.1em;font-weight:700}",
            ".mark.PASSED{color:#1a7f37}.mark.FAILED{color:#cf222e}.mark.TIMED_OUT{color:#bc4c00}",
            ".mark.WARNING{color:#9a6700}.mark.SKIPPED{color:#57606a}");

    /** The file name a linked page expects its stylesheet under, in its own folder. */
    public static final String STYLESHEET = "tenant-report.css";

    private HtmlPage() {
    }

    /** The self-contained page: its stylesheet inline. */
    public static String render(ReportPage page) {
        return render(page, "<style>\n" + CSS + "\n</style>\n", true);
    }

    /** The page linking {@link #STYLESHEET} (write {@link #stylesheet()} there): no inline style anywhere. */
    public static String renderLinked(ReportPage page) {
        return render(page, "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"/>\n", false);
    }

    /** The stylesheet a linked page loads: the inline one plus a class per bar width (no style attributes). */
    public static String stylesheet() {
        StringBuilder css = new StringBuilder(CSS).append('\n');
        for (int percent = 0; percent <= 100; percent++) {
            css.append(".bar.w").append(percent).append("{width:").append(percent).append("%}\n");
        }
        return css.toString();
    }

    private static String render(ReportPage page, String styling, boolean inlineStyles) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>").append(text(page.title())).append("</title>\n")
                .append(styling).append("</head>\n<body>\n")
                .append("<header>\n<h1>").append(text(page.heading())).append("</h1>\n");
        for (Line line : page.summary()) {
            html.append("<p>");
            line(html, line);
            html.append("</p>\n");
        }
        html.append("</header>\n");
        blocks(html, page.blocks(), 2, inlineStyles);
        return html.append("</body>\n</html>\n").toString();
    }

    /** @param level the heading level a section at this depth gets */
    private static void blocks(StringBuilder html, List<ReportBlock> blocks, int level, boolean inlineStyles) {
        for (ReportBlock block : blocks) {
            // Java 17 has no pattern switch; the sealed interface keeps this list closed.
            if (block instanceof Paragraph paragraph) {
                html.append("<p>");
                line(html, paragraph.line());
                html.append("</p>\n");
            } else if (block instanceof Table table) {
                table(html, table);
            } else if (block instanceof BarChart chart) {
                chart(html, chart, inlineStyles);
            } else if (block instanceof ColumnChart chart) {
                ColumnSvg.draw(html, chart);
            } else if (block instanceof Section section) {
                int h = Math.min(level, 6);
                html.append("<section>\n<h").append(h).append('>').append(text(section.heading()))
                        .append("</h").append(h).append(">\n");
                blocks(html, section.blocks(), level + 1, inlineStyles);
                html.append("</section>\n");
            }
        }
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table>\n<thead><tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(text(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        rows(html, table.rows());
        html.append("</tbody>\n");
        if (!table.footer().isEmpty()) {
            html.append("<tfoot>\n");
            rows(html, table.footer());
            html.append("</tfoot>\n");
        }
        html.append("</table>\n");
    }

    private static void rows(StringBuilder html, List<Table.Row> rows) {
        for (Table.Row row : rows) {
            html.append(row.status() == null ? "<tr>" : "<tr class=\"" + row.status().name() + "\">");
            for (Table.Cell cell : row.cells()) {
                cell(html, cell);
            }
            html.append("</tr>\n");
        }
    }

    private static void cell(StringBuilder html, Table.Cell cell) {
        html.append("<td");
        String cssClass = cssClass(cell.kind());
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        if (cell.tooltip() != null) {
            html.append(" title=\"").append(text(cell.tooltip())).append('"');
        }
        if (cell.span() > 1) {
            html.append(" colspan=\"").append(cell.span()).append('"');
        }
        html.append('>');
        boolean multiline = cell.kind() == Table.Kind.MESSAGE;
        if (cell.lines().size() == 1) {
            line(html, cell.lines().get(0), multiline);
        } else if (!cell.lines().isEmpty()) {
            html.append("<ul class=\"lines\">");
            for (Line line : cell.lines()) {
                html.append("<li>");
                line(html, line, multiline);
                html.append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</td>");
    }

    private static String cssClass(Table.Kind kind) {
        return switch (kind) {
            case TEXT -> null;
            case NUMBER -> "num";
            case DURATION -> "time";
            case STATUS -> "result";
            case MESSAGE -> "message";
        };
    }

    private static void chart(StringBuilder html, BarChart chart, boolean inlineStyles) {
        html.append("<figure class=\"chart\">\n<figcaption>").append(text(chart.caption())).append("</figcaption>\n");
        for (BarChart.Bar bar : chart.bars()) {
            String label = text(bar.label());
            double percent = chart.percentOf(bar);
            String barTag = inlineStyles
                    ? "<span class=\"bar\" style=\"width:" + String.format(Locale.ROOT, "%.1f", percent) + "%\">"
                    : "<span class=\"bar w" + Math.round(Math.max(0, Math.min(100, percent))) + "\">";
            html.append("<div class=\"bar-row\"><span class=\"bar-label\" title=\"").append(label).append("\">")
                    .append(label).append("</span><span class=\"bar-track\">").append(barTag)
                    .append("</span></span><span class=\"bar-value\">").append(text(bar.shown()))
                    .append("</span></div>\n");
        }
        html.append("</figure>\n");
    }

    private static void line(StringBuilder html, Line line) {
        line(html, line, false);
    }

    /** @param multiline keep line breaks and tabs (shown by a pre-wrap cell) instead of escaping them */
    private static void line(StringBuilder html, Line line, boolean multiline) {
        for (Inline part : line.parts()) {
            if (part instanceof Inline.Plain plain) {
                html.append(multiline ? SafeText.html(plain.text()) : text(plain.text()));
            } else if (part instanceof Inline.Strong strong) {
                html.append("<strong>").append(text(strong.text())).append("</strong>");
            } else if (part instanceof Inline.Code code) {
                html.append("<code>").append(text(code.text())).append("</code>");
            } else if (part instanceof Inline.Link link) {
                html.append("<a href=\"").append(text(link.href())).append("\">").append(text(link.text()))
                        .append("</a>");
            } else if (part instanceof Inline.Verdict verdict) {
                String name = verdict.status().name();
                html.append("<span class=\"verdict ").append(name).append("\">").append(name).append("</span>");
            } else if (part instanceof Inline.Trend trend) {
                trend(html, trend);
            }
        }
    }

    /** One symbol per mark, so the trend reads without colour too: ✓ passed, ✗ failed, • anything else. */
    private static void trend(StringBuilder html, Inline.Trend trend) {
        html.append("<span class=\"trend\">");
        for (Inline.Trend.Mark mark : trend.marks()) {
            html.append("<span class=\"mark ").append(mark.status().name()).append('"');
            if (mark.tooltip() != null) {
                html.append(" title=\"").append(text(mark.tooltip())).append('"');
            }
            html.append('>').append(switch (mark.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                default -> "•";
            }).append("</span>");
        }
        html.append("</span>");
    }

    /** Single-line text: a newline or other control character in a name shows as a visible escape. */
    static String text(String text) {
        return SafeText.htmlSingleLine(text);
    }
}
