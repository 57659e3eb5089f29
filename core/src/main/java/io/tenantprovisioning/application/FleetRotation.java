package io.tenantprovisioning.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One `tenantctl rotate` run over tenants: each tenant whose credentials were due, in the order they ran.
 *
 * @param olderThan the age a credential had to exceed to be rotated (zero for a single tenant's run)
 * @param serving   how many ACTIVE/DEGRADED tenants were looked at
 */
public record FleetRotation(Instant startedAt, Instant finishedAt, Duration olderThan, int serving,
                            List<TenantRotation> tenants) {

    public FleetRotation {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(olderThan, "olderThan");
        tenants = List.copyOf(tenants);
    }

    /** A single tenant's rotation, so the same reports serve `rotate <slug>` and `rotate --all`. */
    public static FleetRotation of(RotationReport report) {
        return new FleetRotation(report.startedAt(), report.finishedAt(), Duration.ZERO, 1,
                List.of(new TenantRotation.Ran(report, List.of())));
    }

    /** True when every tenant rotated every credential asked for (or skipped it on purpose); also when none was due. */
    public boolean allSucceeded() {
        return tenants.stream().allMatch(TenantRotation::succeeded);
    }

    public Duration elapsed() {
        return Duration.between(startedAt, finishedAt);
    }
}
