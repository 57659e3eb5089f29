package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.model.ChargebackTags;
import java.util.List;

/**
 * The cost report as CSV (RFC 4180): a header row, then one row per billable tenant; lines end in
 * CRLF; a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled. Totals are
 * left out so every row is a tenant: sum {@code monthly_inr} by {@code cost_center} (JSON, HTML
 * and the text table carry the totals).
 *
 * <p>A text field that starts with {@code = + - @}, tab or CR would run as a formula when the
 * file is opened in a spreadsheet; it is written with a leading {@code '} (OWASP's advice), the
 * only change ever made to a value.
 */
public final class CostReportCsv {

    public static final List<String> HEADER = List.of("month", "cost_center", "slug", "name", "tier", "region",
            "state", "monthly_inr", "base_monthly_inr", "tier_multiplier", "region_multiplier",
            "tag_" + ChargebackTags.TENANT_ID, "tag_" + ChargebackTags.TIER, "tag_" + ChargebackTags.COST_CENTER,
            "tag_" + ChargebackTags.MANAGED_BY, "tag_" + ChargebackTags.REQUEST_ID);
    private static final String CRLF = "\r\n";

    private CostReportCsv() {
    }

    public static String render(CostReport report) {
        StringBuilder csv = new StringBuilder(256 + 256 * report.lines().size());
        row(csv, HEADER);
        for (CostReportLine line : report.lines()) {
            ChargebackTags tags = line.tags();
            row(csv, List.of(report.month().toString(), text(line.costCenter()), line.slug().value(),
                    text(line.name()), line.tier().displayName(), text(line.region()), line.state(),
                    Long.toString(line.monthlyInr()), Long.toString(line.estimate().baseMonthlyInr()),
                    Integer.toString(line.estimate().tierMultiplier()),
                    line.estimate().regionMultiplier().toPlainString(), text(tags.tenantId()), text(tags.tier()),
                    text(tags.costCenter()), text(tags.managedBy()), text(tags.requestId())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(fields.get(i)));
        }
        csv.append(CRLF);
    }

    /** RFC 4180 quoting: only when needed, quotes doubled. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Neutralises spreadsheet formulas in free text (see the class comment). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
