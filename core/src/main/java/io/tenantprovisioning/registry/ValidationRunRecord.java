package io.tenantprovisioning.registry;

import java.time.Instant;
import java.util.UUID;

/** One recorded run of the validation suite; {@code reportJson} is the JSON report as rendered. */
public record ValidationRunRecord(
        UUID id,
        UUID tenantId,
        Instant startedAt,
        Instant finishedAt,
        boolean passed,
        String reportJson) {
}
