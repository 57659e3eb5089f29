package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.text.SafeText;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation run as a fixed-width terminal table (CHECK, RESULT, TIME, FIGURE, MESSAGE) and a
 * summary line. Columns are as wide as their widest cell, so nothing is ever cut off; a multi-line
 * message continues under the MESSAGE column.
 */
public final class ConsoleTable {

    private static final List<String> HEADERS = List.of("CHECK", "RESULT", "TIME", "FIGURE", "MESSAGE");
    private static final String GAP = "  ";

    private ConsoleTable() {
    }

    public static String render(ValidationReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult result : report.results()) {
            String figure = ReportText.figure(result);
            // control characters (ANSI escapes, NUL) from a check's text must not drive the terminal
            rows.add(List.of(result.checkId(), result.status(), ReportText.humanSeconds(result.elapsed()),
                    figure == null ? "-" : SafeText.xml(figure), SafeText.xml(result.outcome().message())));
        }
        int[] widths = widths(rows);
        StringBuilder out = new StringBuilder();
        line(out, HEADERS, widths);
        line(out, HEADERS.stream().map(h -> "-".repeat(h.length())).toList(), widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        out.append('\n').append(ReportText.summary(report)).append('\n');
        return out.toString();
    }

    /** Widths of the first four columns; MESSAGE is last and needs none. */
    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADERS.size() - 1];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder prefix = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            // TIME is a number: right-aligned reads better in a column
            String padded = c == 2 ? " ".repeat(widths[c] - cell.length()) + cell
                    : cell + " ".repeat(widths[c] - cell.length());
            prefix.append(padded).append(GAP);
        }
        String[] messageLines = cells.get(widths.length).split("\\R", -1);
        out.append(prefix).append(messageLines[0]).append('\n');
        String indent = " ".repeat(prefix.length());
        for (int i = 1; i < messageLines.length; i++) {
            out.append(indent).append(messageLines[i]).append('\n');
        }
    }
}
