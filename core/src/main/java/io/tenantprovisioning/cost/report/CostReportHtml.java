package io.tenantprovisioning.cost.report;

import io.tenantprovisioning.text.SafeText;
import io.tenantprovisioning.cost.CostCenterTotal;
import io.tenantprovisioning.cost.CostReport;
import io.tenantprovisioning.cost.CostReportLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost report as one self-contained HTML page: inline CSS, no scripts, no external assets, so
 * it can be mailed or archived and still open anywhere. A bar chart of the cost centers' totals,
 * then per cost center a bar chart of its tenants and a table with their estimates and tags. The
 * bars are plain {@code div}s sized in percent. Every value from the registry is HTML-escaped, and
 * the markup is also well-formed XML, so tools can parse it.
 */
public final class CostReportHtml {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328}",
            "h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .5rem}",
            "header p{margin:.2rem 0;color:#57606a}",
            ".chart{margin:.5rem 0 1rem;max-width:48rem}",
            ".bar-row{display:flex;align-items:center;gap:.5rem;margin:.15rem 0;font-size:.9em}",
            ".bar-label{flex:0 0 14rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}",
            ".bar-track{flex:1 1 auto;background:#f6f8fa;height:1rem;border-radius:3px}",
            ".bar{display:block;height:1rem;background:#0969da;border-radius:3px}",
            ".bar.center{background:#8250df}",
            ".bar-value{flex:0 0 8rem;text-align:right;font-variant-numeric:tabular-nums}",
            "table{border-collapse:collapse;width:100%}",
            "th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}",
            "tfoot td{font-weight:700}code{font-size:.85em}",
            "ul.tags{list-style:none;margin:0;padding:0}");

    private CostReportHtml() {
    }

    public static String render(CostReport report) {
        String month = SafeText.htmlSingleLine(report.month().toString());
        StringBuilder html = new StringBuilder(4096 + 1024 * report.lines().size());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>Cost report ").append(month).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>Cost report ").append(month).append("</h1>\n<p>")
                .append(report.lines().size()).append(" billable tenant(s) in ").append(report.costCenters().size())
                .append(" cost center(s) · total <strong>").append(Rupees.format(report.totalMonthlyInr()))
                .append("</strong>/month · calendar month in ").append(SafeText.htmlSingleLine(report.zone().getId()))
                .append(" · estimate = base × tier multiplier × region multiplier</p>\n</header>\n");
        if (report.lines().isEmpty()) {
            html.append("<p>No tenant was in service in ").append(month).append(".</p>\n");
        } else {
            html.append("<h2>Cost centers</h2>\n");
            chart(html, "Monthly estimate per cost center", centerBars(report), "bar center");
            for (CostCenterTotal center : report.costCenters()) {
                costCenter(html, center, report.linesOf(center.costCenter()));
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    public static void write(CostReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static List<Map.Entry<String, Long>> centerBars(CostReport report) {
        return report.costCenters().stream().map(c -> Map.entry(c.costCenter(), c.monthlyInr())).toList();
    }

    private static void costCenter(StringBuilder html, CostCenterTotal center, List<CostReportLine> lines) {
        String name = SafeText.htmlSingleLine(center.costCenter());
        html.append("<section>\n<h2>").append(name).append(" — ").append(Rupees.format(center.monthlyInr()))
                .append("/month</h2>\n");
        chart(html, "Monthly estimate per tenant of " + center.costCenter(),
                lines.stream().map(l -> Map.entry(l.slug().value(), l.monthlyInr())).toList(), "bar");
        html.append("<table>\n<thead><tr><th>Tenant</th><th>Name</th><th>Tier</th><th>Region</th><th>State</th>")
                .append("<th>₹/month</th><th>Estimate</th><th>Chargeback tags</th></tr></thead>\n<tbody>\n");
        for (CostReportLine line : lines) {
            row(html, line);
        }
        html.append("</tbody>\n<tfoot><tr><td colspan=\"5\">Total ").append(name).append(" (").append(lines.size())
                .append(" tenant(s))</td><td class=\"num\">").append(Rupees.format(center.monthlyInr()))
                .append("</td><td colspan=\"2\"></td></tr></tfoot>\n</table>\n</section>\n");
    }

    private static void row(StringBuilder html, CostReportLine line) {
        html.append("<tr><td><code>").append(SafeText.htmlSingleLine(line.slug().value())).append("</code></td>")
                .append("<td>").append(SafeText.htmlSingleLine(line.name())).append("</td>")
                .append("<td>").append(SafeText.htmlSingleLine(line.tier().displayName())).append("</td>")
                .append("<td>").append(SafeText.htmlSingleLine(line.region())).append("</td>")
                .append("<td>").append(SafeText.htmlSingleLine(line.state())).append("</td>")
                .append("<td class=\"num\">").append(Rupees.format(line.monthlyInr())).append("</td>")
                .append("<td class=\"num\">").append(Rupees.format(line.estimate().baseMonthlyInr())).append(" × ")
                .append(line.estimate().tierMultiplier()).append(" × ")
                .append(SafeText.htmlSingleLine(line.estimate().regionMultiplier().toPlainString())).append("</td>")
                .append("<td><ul class=\"tags\">");
        for (Map.Entry<String, String> tag : line.tags().asMap().entrySet()) {
            html.append("<li><code>").append(SafeText.htmlSingleLine(tag.getKey())).append('=')
                    .append(SafeText.htmlSingleLine(tag.getValue())).append("</code></li>");
        }
        html.append("</ul></td></tr>\n");
    }

    /** Horizontal bars, each as wide as its share of the largest value. */
    private static void chart(StringBuilder html, String title, List<Map.Entry<String, Long>> bars, String barClass) {
        long max = bars.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
        html.append("<div class=\"chart\" role=\"img\" aria-label=\"").append(SafeText.htmlSingleLine(title)).append("\">\n");
        for (Map.Entry<String, Long> bar : bars) {
            double percent = max <= 0 ? 0 : 100.0 * Math.max(0, bar.getValue()) / max;
            String label = SafeText.htmlSingleLine(bar.getKey());
            html.append("<div class=\"bar-row\"><span class=\"bar-label\" title=\"").append(label).append("\">")
                    .append(label).append("</span><span class=\"bar-track\"><span class=\"").append(barClass)
                    .append("\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", percent))
                    .append("%\"></span></span><span class=\"bar-value\">").append(Rupees.format(bar.getValue()))
                    .append("</span></div>\n");
        }
        html.append("</div>\n");
    }
}
