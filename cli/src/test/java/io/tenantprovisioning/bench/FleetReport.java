package io.tenantprovisioning.bench;

import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The fleet bench's results file: machine, load, the figures against their targets, per-check times. */
final class FleetReport {

    private FleetReport() {
    }

    static String render(FleetFigures figures, Map<String, List<Duration>> checkTimes, String loadBefore,
                         FleetOptions options, Settings settings) throws IOException {
        StringBuilder out = new StringBuilder("# Fleet benchmark, " + LocalDate.now(ZoneOffset.UTC) + "\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(". Load average (1/5/15 min, running/total)")
                .append(" at the start: ").append(loadBefore).append("; at the end: ")
                .append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(". Shared machine (other engineers build and test on the same cores): quote medians.\n\n");
        out.append("Real local services (PostgreSQL, Redis, Prometheus file_sd), filesystem object store and Lucene"
                + " under a temporary DATA_DIR, the direct engine; registry schema of the bench's own (dropped at the"
                + " end). Registry sizes ").append(options.existing()).append(" are reached with filler rows (copies"
                + " of one real tenant's rows, ACTIVE, no resources); every measured tenant is real and offboarded"
                + " afterwards.\n\n");
        out.append(figures.table()).append('\n');
        out.append("Validation checks (all validations of healthy tenants above; the suite runs 4 at a time):\n\n");
        out.append("| check | runs | median | p95 | max |\n|---|---|---|---|---|\n");
        checkTimes.forEach((id, times) -> out.append("| ").append(id).append(" | ").append(times.size())
                .append(" | ").append(FleetFigures.seconds(FleetFigures.median(times))).append(" | ")
                .append(FleetFigures.seconds(FleetFigures.p95(times))).append(" | ")
                .append(FleetFigures.seconds(times.stream().max(Duration::compareTo).orElseThrow())).append(" |\n"));
        out.append('\n');
        for (String note : figures.notes()) {
            out.append("- ").append(note).append('\n');
        }
        out.append("- p95 is nearest rank: with fewer than 20 runs it is the slowest run.\n");
        out.append("- QUERY_PERFORMANCE_RUNS=").append(settings.optional(
                io.tenantprovisioning.config.Setting.QUERY_PERFORMANCE_RUNS).orElse("default")).append(".\n");
        return out.toString();
    }
}
