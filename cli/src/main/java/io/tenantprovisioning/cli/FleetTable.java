package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.FleetTenant;
import io.tenantprovisioning.chargeback.CostCenterTotal;
import io.tenantprovisioning.chargeback.Rupees;
import io.tenantprovisioning.text.SafeText;
import java.util.function.Function;

/** `tenantctl report` for a terminal: one line per tenant, then the month's cost per cost center. */
final class FleetTable {

    /** Slug, cost center and trend are as wide as their longest value; the other columns are bounded. */
    private static final String ROW = "%%-%ds %%-16s %%-6s %%-14s %%12s  %%-%ds %%-26s %%-%ds %%-14s %%s%%n";
    private static final String CENTER = "  %-32s %4d tenant%s %14s%n";

    private FleetTable() {
    }

    static String render(FleetReport report) {
        StringBuilder out = new StringBuilder(2048);
        out.append(String.format("Fleet at %s: %s%n", FleetText.when(report.generatedAt()),
                FleetText.headcount(report)));
        if (report.tenants().isEmpty()) {
            out.append(report.query().includeFinished() ? "no tenants in the registry" : "no live tenants"
                    + " (--all also shows rejected, rolled back and offboarded ones)").append(System.lineSeparator());
        } else {
            String row = String.format(ROW, width(report, "SLUG", t -> t.slug().value()),
                    width(report, "COST CENTER", t -> SafeText.singleLine(t.costCenter())),
                    width(report, "TREND", FleetText::trend));
            out.append(String.format(row, "SLUG", "STATE", "TIER", "REGION", "₹/MONTH", "COST CENTER",
                    "LAST VALIDATION", "TREND", "CREDENTIALS", "DRIFT"));
            report.tenants().forEach(t -> out.append(row(row, t)));
        }
        out.append(System.lineSeparator()).append(String.format("Cost per cost center, chargeback of %s (UTC, as "
                + "tenantctl cost): %s/month%n", report.chargebackMonth(), Rupees.format(report.totalMonthlyInr())));
        if (report.costCenters().isEmpty()) {
            out.append("  no tenant in service this month").append(System.lineSeparator());
        }
        for (CostCenterTotal center : report.costCenters()) {
            out.append(String.format(CENTER, SafeText.singleLine(center.costCenter()), center.tenants(),
                    center.tenants() == 1 ? " " : "s", Rupees.format(center.monthlyInr())));
        }
        return out.toString();
    }

    private static int width(FleetReport report, String header, Function<FleetTenant, String> value) {
        return Math.max(header.length(), report.tenants().stream().mapToInt(t -> value.apply(t).length()).max()
                .orElse(0));
    }

    private static String row(String format, FleetTenant t) {
        String last = t.lastValidation().map(v -> FleetText.when(v.finishedAt()) + " " + (v.passed() ? "PASS" : "FAIL")
                + " " + v.checks()).orElse("never");
        String drift = FleetText.drift(t.drift());
        return String.format(format, t.slug(), t.state(), t.tier().displayName(), SafeText.singleLine(t.region()),
                Rupees.format(t.monthlyCostInr()), SafeText.singleLine(t.costCenter()), last,
                FleetText.trend(t).isEmpty() ? "-" : FleetText.trend(t), FleetText.credentials(t), drift);
    }
}
