package io.tenantprovisioning.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.validation.report.ValidationRun;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void fixedWidthColumnsWithContinuationLinesAndASummary() {
        String table = ConsoleTable.render(SampleReports.mixed("acme-corp"));

        assertThat(table).isEqualTo(String.join("\n",
                "CHECK                   RESULT        TIME  FIGURE                        MESSAGE",
                "-----                   ------        ----  ------                        -------",
                "db-connectivity         PASSED       0.4 s  4 ms                          connected as t_acme-corp",
                "cross-tenant-isolation  FAILED       2.0 s  1 violations, 0 probe errors  1 isolation violation(s):",
                "                                                                          - redis a→b: GET t:b:probe succeeded",
                "query-performance       TIMED_OUT  120.0 s  -                             did not finish within 120 s",
                "object-storage          WARNING      0.1 s  -                             "
                        + "role \"t_a\" <script>alert('x')</script> & co\\u0001",
                "metrics                 SKIPPED      0.0 s  -                             PROMETHEUS_URL is not set",
                "",
                "acme-corp (Gold): FAILED — 1 passed, 1 failed, 1 warning, 1 timed out, 1 skipped of 5 checks in 12.3 s",
                ""));
    }

    @Test
    void longMessagesAreNeverCut() {
        String longMessage = "x".repeat(500);
        Instant start = Instant.parse("2025-01-31T10:15:30Z");
        ValidationReport report = new ValidationReport("globex", "Silver", start, start, List.of(
                new CheckResult("a-check-with-a-rather-long-identifier", "A", false,
                        new CheckOutcome.Warning(longMessage, "p95 " + "9".repeat(40) + " ms"), Duration.ZERO)));

        String table = ConsoleTable.render(report);

        assertThat(table).contains(longMessage, "a-check-with-a-rather-long-identifier", "9".repeat(40));
    }

    @Test
    void reportsRendersEveryFormatIntoAValidationRun() {
        ValidationRun run = Reports.toRun(SampleReports.mixed("acme-corp"));

        assertThat(run.slug()).isEqualTo("acme-corp");
        assertThat(run.passed()).isFalse();
        assertThat(run.checksPassed()).isEqualTo(1);
        assertThat(run.checksTotal()).isEqualTo(5);
        assertThat(run.blockingFailures()).containsExactly(
                "cross-tenant-isolation: FAILED — 1 isolation violation(s):\n- redis a→b: GET t:b:probe succeeded",
                "query-performance: TIMED_OUT — did not finish within 120 s");
        assertThat(run.junitXml()).contains("<testsuite ");
        assertThat(run.html()).startsWith("<!DOCTYPE html>");
        assertThat(run.json()).contains("\"schemaVersion\" : 1");
        assertThat(run.consoleTable()).startsWith("CHECK ");
    }
}
