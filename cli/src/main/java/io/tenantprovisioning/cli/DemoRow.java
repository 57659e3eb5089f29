package io.tenantprovisioning.cli;

import java.time.Duration;
import java.util.Map;

/** One line of the demo's summary table. */
record DemoRow(String slug, String tier, String region, String state, Map<String, Duration> stepTimes,
               String checks, long monthlyCostInr, String note) {
}
