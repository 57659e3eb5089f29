package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.DriftStatus;
import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.FleetTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The fleet report's short texts, shared by the console table and the HTML page so both say the same. */
final class FleetText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private FleetText() {
    }

    /** "2026-12-06 20:31Z": minutes are enough to tell nightly runs apart, and the zone is always UTC. */
    static String when(Instant instant) {
        return MINUTES.format(instant);
    }

    /** "3d", "5h", "12m", "<1m": the largest whole unit. */
    static String age(Duration age) {
        if (age.toDays() > 0) {
            return age.toDays() + "d";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + "m" : "<1m";
    }

    /** "3 tenants: 2 ACTIVE, 1 DEGRADED". */
    static String headcount(FleetReport report) {
        int size = report.tenants().size();
        String states = report.countByState().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return size + " tenant" + (size == 1 ? "" : "s") + (size == 0 ? "" : ": " + states);
    }

    /** "5, oldest 3d", or "none". */
    static String credentials(FleetTenant tenant) {
        return tenant.oldestCredential().map(oldest -> tenant.credentials().size() + ", oldest "
                + age(oldest.age())).orElse("none");
    }

    /** "none", "2 findings" or "not checked"; when it was checked is said elsewhere. */
    static String drift(DriftStatus drift) {
        if (drift instanceof DriftStatus.Clean) {
            return "none";
        }
        if (drift instanceof DriftStatus.Drifted drifted) {
            int n = drifted.findings().size();
            return n + " finding" + (n == 1 ? "" : "s");
        }
        return "not checked";
    }

    /** "✓✓✗✓": the trend without colour, for the terminal. */
    static String trend(FleetTenant tenant) {
        return tenant.trend().stream().map(run -> run.passed() ? "✓" : "✗").collect(Collectors.joining());
    }
}
