package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.text.SafeText;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A self-contained HTML page for one tenant's validation run: inline CSS, no scripts, no external
 * assets, so it can be archived by Jenkins or mailed and still open anywhere. Every piece of text
 * from a check is HTML-escaped.
 */
public final class HtmlReport {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328}",
            "h1{font-size:1.4rem;margin:0 0 .3rem}",
            "header p{margin:.2rem 0;color:#57606a}",
            ".verdict{font-weight:700;padding:.1rem .5rem;border-radius:4px;color:#fff}",
            ".verdict.PASSED{background:#1a7f37}.verdict.FAILED{background:#cf222e}",
            "table{border-collapse:collapse;margin-top:1rem;width:100%}",
            "th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}",
            "td.time{text-align:right;white-space:nowrap}",
            "td.message{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em}",
            ".result{font-weight:700;white-space:nowrap}",
            "tr.PASSED .result{color:#1a7f37}tr.FAILED .result{color:#cf222e}",
            "tr.TIMED_OUT .result{color:#bc4c00}tr.WARNING .result{color:#9a6700}",
            "tr.SKIPPED .result{color:#57606a}",
            "tr.FAILED,tr.TIMED_OUT{background:#ffebe9}tr.WARNING{background:#fff8c5}");

    private HtmlReport() {
    }

    public static String render(ValidationReport report) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Validation of tenant ").append(escape(report.slug())).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
        header(html, report);
        html.append("<table>\n<thead><tr><th>Check</th><th>Result</th><th>Critical</th><th>Time</th>")
                .append("<th>Figure</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (CheckResult result : report.results()) {
            row(html, result);
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    public static void write(ValidationReport report, Path file) throws IOException {
        JUnitXmlReport.writeText(render(report), file);
    }

    private static void header(StringBuilder html, ValidationReport report) {
        html.append("<header>\n<h1>Tenant ").append(escape(report.slug())).append("</h1>\n")
                .append("<p>Tier <strong>").append(escape(report.tier())).append("</strong> · verdict ")
                .append("<span class=\"verdict ").append(report.verdict()).append("\">")
                .append(report.verdict()).append("</span></p>\n")
                .append("<p>").append(escape(ReportText.counts(report))).append(" of ")
                .append(report.results().size()).append(" checks · started ")
                .append(escape(report.startedAt().toString())).append(" · took ")
                .append(escape(ReportText.humanSeconds(report.elapsed()))).append("</p>\n</header>\n");
    }

    private static void row(StringBuilder html, CheckResult result) {
        String figure = ReportText.figure(result);
        html.append("<tr class=\"").append(result.status()).append("\">")
                .append("<td title=\"").append(escape(result.checkId())).append("\">")
                .append(escape(result.displayName())).append("</td>")
                .append("<td class=\"result\">").append(result.status()).append("</td>")
                .append("<td>").append(result.critical() ? "yes" : "no").append("</td>")
                .append("<td class=\"time\">").append(escape(ReportText.humanSeconds(result.elapsed()))).append("</td>")
                .append("<td>").append(figure == null ? "" : escape(figure)).append("</td>")
                .append("<td class=\"message\">").append(escape(result.outcome().message())).append("</td>")
                .append("</tr>\n");
    }

    /** Escapes the five characters that matter in HTML text and attribute values; shows control characters. */
    static String escape(String text) {
        return SafeText.html(text);
    }
}
