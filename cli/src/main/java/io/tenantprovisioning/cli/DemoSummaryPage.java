package io.tenantprovisioning.cli;

import io.tenantprovisioning.text.SafeText;
import java.time.Duration;
import java.util.List;

/** demo-output/summary.html: the summary table and links to each tenant's report, self-contained. */
final class DemoSummaryPage {

    private DemoSummaryPage() {
    }

    static String render(List<DemoRow> rows) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>tenantctl demo</title><style>body{font-family:system-ui,sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                + ".ACTIVE{background:#e6f4ea}.ROLLED_BACK{background:#fdecea}</style></head><body>"
                + "<h1>tenantctl demo</h1><table><tr><th>tenant</th><th>tier</th><th>region</th><th>state</th>"
                + "<th>steps</th><th>checks</th><th>monthly ₹</th><th>report</th><th>note</th></tr>");
        for (DemoRow r : rows) {
            html.append("<tr class=\"").append(esc(r.state())).append("\"><td>").append(esc(r.slug()))
                    .append("</td><td>").append(esc(r.tier())).append("</td><td>").append(esc(r.region()))
                    .append("</td><td>").append(esc(r.state())).append("</td><td>").append(esc(steps(r)))
                    .append("</td><td>").append(esc(r.checks())).append("</td><td>")
                    .append(String.format("%,d", r.monthlyCostInr())).append("</td><td>")
                    .append(r.checks().equals("-") ? "" : "<a href=\"" + esc(r.slug()) + ".html\">HTML</a> · <a href=\""
                            + esc(r.slug()) + ".xml\">JUnit</a>")
                    .append("</td><td>").append(esc(r.note())).append("</td></tr>");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String steps(DemoRow r) {
        StringBuilder s = new StringBuilder();
        r.stepTimes().forEach((step, d) -> s.append(step).append(' ').append(seconds(d)).append("  "));
        return s.toString().trim();
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }

    private static String esc(String s) {
        return SafeText.html(s);
    }
}
