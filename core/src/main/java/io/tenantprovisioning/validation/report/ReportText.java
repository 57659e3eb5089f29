package io.tenantprovisioning.validation.report;

import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.time.Duration;
import java.util.Locale;

/** Formatting every report shares, so the console, HTML, JSON and JUnit views say the same thing. */
final class ReportText {

    private ReportText() {
    }

    /** The measured figure of a result, or null when the check measured nothing. */
    static String figure(CheckResult result) {
        CheckOutcome outcome = result.outcome();
        if (outcome instanceof CheckOutcome.Passed) {
            return ((CheckOutcome.Passed) outcome).figure();
        } else if (outcome instanceof CheckOutcome.Failed) {
            return ((CheckOutcome.Failed) outcome).figure();
        } else if (outcome instanceof CheckOutcome.Warning) {
            return ((CheckOutcome.Warning) outcome).figure();
        }
        return null;
    }

    /** "0.412": seconds with millisecond precision, as JUnit XML expects. */
    static String junitSeconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** "0.4 s": how people read a check's time. */
    static String humanSeconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** "5 passed, 1 failed, 1 warning, 0 timed out, 1 skipped". */
    static String counts(ValidationReport report) {
        return report.count("PASSED") + " passed, " + report.count("FAILED") + " failed, "
                + report.count("WARNING") + " warning, " + report.count("TIMED_OUT") + " timed out, "
                + report.count("SKIPPED") + " skipped";
    }

    /** "acme-corp (Gold): FAILED — 5 passed, … of 8 checks in 12.3 s". */
    static String summary(ValidationReport report) {
        return report.slug() + " (" + report.tier() + "): " + report.verdict() + " — " + counts(report) + " of "
                + report.results().size() + " checks in " + humanSeconds(report.elapsed());
    }
}
