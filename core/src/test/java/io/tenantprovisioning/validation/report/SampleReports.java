package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Fixed reports for the renderer tests: one result of every kind, with text that needs escaping. */
final class SampleReports {

    static final String NASTY = "role \"t_a\" <script>alert('x')</script> & co\u0001";

    private SampleReports() {
    }

    static ValidationReport mixed(String slug) {
        Instant start = Instant.parse("2025-01-31T10:15:30Z");
        return new ValidationReport(slug, "Gold", start, start.plusMillis(12_345), List.of(
                new CheckResult("db-connectivity", "Database connectivity", true,
                        new CheckOutcome.Passed("connected as t_" + slug, "4 ms"), Duration.ofMillis(412)),
                new CheckResult("cross-tenant-isolation", "Cross-tenant isolation", true,
                        new CheckOutcome.Failed("1 isolation violation(s):\n- redis a→b: GET t:b:probe succeeded",
                                "1 violations, 0 probe errors"), Duration.ofMillis(2_003)),
                new CheckResult("query-performance", "Query performance", true,
                        new CheckOutcome.TimedOut(Duration.ofSeconds(120)), Duration.ofSeconds(120)),
                new CheckResult("object-storage", "Object storage permissions", false,
                        new CheckOutcome.Warning(NASTY, null), Duration.ofMillis(95)),
                new CheckResult("metrics", "Metrics collection", false,
                        new CheckOutcome.Skipped("PROMETHEUS_URL is not set"), Duration.ZERO)));
    }

    static ValidationReport allPassed(String slug) {
        Instant start = Instant.parse("2025-01-31T11:00:00Z");
        return new ValidationReport(slug, "Bronze", start, start.plusMillis(1_500), List.of(
                new CheckResult("jwt-auth", "JWT authentication", true,
                        new CheckOutcome.Passed("6 token cases behaved", null), Duration.ofMillis(1_234))));
    }
}
