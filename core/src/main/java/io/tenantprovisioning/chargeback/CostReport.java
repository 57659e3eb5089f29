package io.tenantprovisioning.chargeback;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The chargeback input for one month: every billable tenant with its estimate and tags, the
 * totals per cost center and the grand total. Build it with {@link #of}, which sorts the lines
 * (cost center, then slug) and computes the totals, so they always add up.
 *
 * @param zone        the time zone whose calendar month was reported
 * @param costCenters one total per cost center, by name
 */
public record CostReport(
        YearMonth month,
        ZoneId zone,
        List<CostReportLine> lines,
        List<CostCenterTotal> costCenters,
        long totalMonthlyInr) {

    public CostReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
        lines = List.copyOf(lines);
        costCenters = List.copyOf(costCenters);
    }

    public static CostReport of(YearMonth month, ZoneId zone, List<CostReportLine> lines) {
        List<CostReportLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(CostReportLine::costCenter).thenComparing(l -> l.slug().value()));
        Map<String, long[]> sums = new TreeMap<>();
        long total = 0;
        for (CostReportLine line : sorted) {
            long[] sum = sums.computeIfAbsent(line.costCenter(), c -> new long[2]);
            sum[0]++;
            sum[1] = Math.addExact(sum[1], line.monthlyInr());
            total = Math.addExact(total, line.monthlyInr());
        }
        List<CostCenterTotal> totals = new ArrayList<>();
        sums.forEach((center, sum) -> totals.add(new CostCenterTotal(center, (int) sum[0], sum[1])));
        return new CostReport(month, zone, sorted, totals, total);
    }

    /** The lines of one cost center, by slug. */
    public List<CostReportLine> linesOf(String costCenter) {
        return lines.stream().filter(l -> l.costCenter().equals(costCenter)).toList();
    }
}
