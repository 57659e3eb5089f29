package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.BatchReport;
import io.tenantprovisioning.application.BatchRowResult;
import io.tenantprovisioning.application.BatchSeverity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** `provision --from`'s outcome: one table, its JSON, JUnit XML with one test case a row, the exit code. */
final class BatchView {

    private BatchView() {
    }

    /** The worst row's exit code. */
    static int exitCode(BatchReport report) {
        return switch (report.worst()) {
            case ACTIVE -> ExitCode.OK;
            case WAITING -> ExitCode.AWAITING_APPROVAL;
            case INVALID -> ExitCode.INVALID_INPUT;
            case LOCKED -> ExitCode.RUN_IN_PROGRESS;
            case FAILED -> ExitCode.FAILED;
            case INCOMPLETE -> ExitCode.ROLLBACK_INCOMPLETE;
        };
    }

    static void print(BatchReport report, PrintWriter out) {
        out.printf("%-5s %-32s %-17s %9s %7s %12s  %s%n", "LINE", "TENANT", "STATE", "TIME", "CHECKS", "MONTHLY ₹", "NOTE");
        for (BatchRowResult row : report.rows()) {
            out.printf(Locale.ROOT, "%-5d %-32s %-17s %7.1f s %7s %,12d  %s%n", row.line(), row.slug(), row.state(),
                    row.elapsed().toMillis() / 1000.0, row.checks().isEmpty() ? "-" : row.checks(),
                    row.monthlyCostInr(), (row.replayed() ? "replayed; " : "") + String.join("; ", row.notes()));
        }
        Map<String, Long> states = new LinkedHashMap<>();
        report.rows().forEach(r -> states.merge(r.state(), 1L, Long::sum));
        out.printf(Locale.ROOT, "%d rows in %.1f s, %d at a time: %s%n", report.rows().size(),
                report.elapsed().toMillis() / 1000.0, report.parallelism(), states);
    }

    static Map<String, Object> json(BatchReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", report.file());
        json.put("parallel", report.parallelism());
        json.put("elapsedMs", report.elapsed().toMillis());
        json.put("exitCode", exitCode(report));
        json.put("rows", report.rows().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.line());
            m.put("tenant", r.slug());
            m.put("state", r.state());
            m.put("elapsedMs", r.elapsed().toMillis());
            m.put("checks", r.checks());
            m.put("monthlyCostInr", r.monthlyCostInr());
            m.put("replayed", r.replayed());
            m.put("notes", r.notes());
            return m;
        }).toList());
        return json;
    }

    /** One test case per row: ACTIVE passes, waiting is skipped, anything else fails with its notes. */
    static void writeJunit(BatchReport report, Path file) {
        long failures = report.rows().stream().filter(r -> r.severity().compareTo(BatchSeverity.WAITING) > 0).count();
        long skipped = report.rows().stream().filter(r -> r.severity() == BatchSeverity.WAITING).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                escape("provision --from " + report.file()), report.rows().size(), failures, skipped,
                report.elapsed().toMillis() / 1000.0));
        for (BatchRowResult row : report.rows()) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape("provision-from"), escape("line " + row.line() + " " + row.slug()),
                    row.elapsed().toMillis() / 1000.0));
            String detail = row.state() + (row.notes().isEmpty() ? "" : ": " + String.join("; ", row.notes()));
            if (row.severity() == BatchSeverity.ACTIVE) {
                xml.append("/>\n");
            } else if (row.severity() == BatchSeverity.WAITING) {
                xml.append(">\n    <skipped message=\"").append(escape(detail)).append("\"/>\n  </testcase>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(detail)).append("\">").append(escape(detail))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
