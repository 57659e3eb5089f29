package io.tenantprovisioning.bench;

import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.validation.CheckResult;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured tenant: request → ACTIVE → OFFBOARDED.
 *
 * @param steps          time per pipeline step (approve, provision, configure, validate, activate)
 * @param checks         the validation checks of the run, in suite order (id, outcome, time)
 * @param toActive       wall time of {@code ProvisioningJob.run}, request to ACTIVE
 * @param offboarding    wall time of {@code TenantPlatform.offboard}, ACTIVE to OFFBOARDED (sweep included)
 * @param heapAfterGc    bytes of heap in use after a GC once the tenant was offboarded
 * @param peakRssBytes   the process's peak resident set so far (VmHWM)
 */
record ProvisioningRun(String slug, Tier tier, Map<String, Duration> steps, List<CheckResult> checks,
                       Duration toActive, Duration offboarding, long heapAfterGc, long peakRssBytes) {

    ProvisioningRun {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        checks = List.copyOf(checks);
    }

    /** The step's time, zero when the run never reported that step. */
    Duration step(String name) {
        return steps.getOrDefault(name, Duration.ZERO);
    }
}
