package io.tenantprovisioning.chargeback;

import io.tenantprovisioning.text.SafeText;

/** The cost report as a plain-text table for a terminal: one block per cost center, then the total. */
public final class CostReportTable {

    private static final String ROW = "  %-32s %-7s %-14s %-16s %14s  %s%n";

    private CostReportTable() {
    }

    public static String render(CostReport report) {
        StringBuilder out = new StringBuilder(1024);
        out.append(String.format("Cost report for %s (%s): %d billable tenant%s in %d cost center%s, %s/month%n",
                report.month(), report.zone().getId(), report.lines().size(), plural(report.lines().size()),
                report.costCenters().size(), plural(report.costCenters().size()),
                Rupees.format(report.totalMonthlyInr())));
        if (report.lines().isEmpty()) {
            return out.append("no tenant was in service in ").append(report.month()).append(System.lineSeparator())
                    .toString();
        }
        for (CostCenterTotal center : report.costCenters()) {
            out.append(System.lineSeparator())
                    .append(String.format("%s — %d tenant%s, %s/month%n", SafeText.singleLine(center.costCenter()),
                            center.tenants(), plural(center.tenants()), Rupees.format(center.monthlyInr())))
                    .append(String.format(ROW, "SLUG", "TIER", "REGION", "STATE", "₹/MONTH", "NAME"));
            for (CostReportLine line : report.linesOf(center.costCenter())) {
                out.append(String.format(ROW, line.slug(), line.tier().displayName(),
                        SafeText.singleLine(line.region()), line.state(), Rupees.format(line.monthlyInr()),
                        SafeText.singleLine(line.name())));
            }
        }
        return out.append(System.lineSeparator())
                .append(String.format("TOTAL %s/month%n", Rupees.format(report.totalMonthlyInr()))).toString();
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
