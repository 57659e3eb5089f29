package io.tenantprovisioning.bench;

import io.tenantprovisioning.validation.CheckResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The markdown results file of {@link ProvisioningBench}: machine, services, summary and per-run tables. */
final class ProvisioningBenchReport {

    static final List<String> STEPS = List.of("approve", "provision", "configure", "validate", "activate");
    private static final double MB = 1024.0 * 1024.0;

    private final ServiceVersions services;
    private final String loadBefore;
    private final ProvisioningRun warmUp;
    private final List<ProvisioningRun> bronze;
    private final List<ProvisioningRun> gold;

    ProvisioningBenchReport(ServiceVersions services, String loadBefore, ProvisioningRun warmUp,
                            List<ProvisioningRun> bronze, List<ProvisioningRun> gold) {
        this.services = services;
        this.loadBefore = loadBefore;
        this.warmUp = warmUp;
        this.bronze = List.copyOf(bronze);
        this.gold = List.copyOf(gold);
    }

    String render() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Provisioning benchmark: request to ACTIVE, ").append(LocalDate.now()).append("\n\n");
        md.append(machine()).append("\n\n").append(servicesLine()).append("\n\n");
        md.append("## Bronze: ").append(bronze.size()).append(" runs\n\n");
        md.append(summary(bronze)).append('\n').append(checks(bronze)).append('\n').append(perRun(bronze));
        md.append(String.format(Locale.ROOT, "%nWarm-up run (not counted): ACTIVE in %.2f s, offboarded in %.2f s "
                        + "(it pays the one-off costs: loading the MiniLM model, JIT, first connections).%n%n",
                seconds(warmUp.toActive().toNanos()), seconds(warmUp.offboarding().toNanos())));
        if (!gold.isEmpty()) {
            md.append("## Gold: ").append(gold.size()).append(" runs (demo documents embedded and indexed)\n\n");
            md.append(summary(gold)).append('\n').append(checks(gold)).append('\n').append(perRun(gold)).append('\n');
        }
        md.append("Load average at the end: ").append(loadAverage()).append(".\n\n").append(notes());
        return md.toString();
    }

    private String machine() throws IOException {
        return String.format(Locale.ROOT, "Machine: %s, %s, %d cores (nproc), %d MB memory, %s %s, Java %s, "
                        + "max heap %d MB. Load average (1/5/15 min) at the start: %s. The machine is shared by "
                        + "several engineers building and testing at the same time, so every figure is noisy; "
                        + "quote medians and compare runs only at similar load.",
                InetAddress.getLocalHost().getHostName(), cpuModel(), Runtime.getRuntime().availableProcessors(),
                memTotalMb(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadBefore);
    }

    private String servicesLine() {
        return "Services (all local, shared with the other engineers): PostgreSQL " + services.postgres()
                + " (registry and tenant schemas with RLS), Redis " + services.redis() + " (ACL users and key "
                + "prefixes), object store `" + services.objectStore() + "` (filesystem, under a temp DATA_DIR), "
                + "vector store `" + services.vectorStore() + "` (Lucene " + services.lucene() + ", under the same "
                + "DATA_DIR), Prometheus file_sd targets, signing keys in the registry's encrypted vault; the "
                + "**direct** engine (no OpenTofu). Each run: `ProvisioningJob.run` (submit, auto-approve, "
                + "provision, configure, the eight validation checks, activate), then `TenantPlatform.offboard`.";
    }

    private static String summary(List<ProvisioningRun> runs) {
        StringBuilder t = new StringBuilder("| measurement | median | p90 | max |\n|---|---|---|---|\n");
        for (String step : STEPS) {
            t.append(timeRow("step: " + step, runs, r -> r.step(step).toNanos()));
        }
        t.append(timeRow("**request → ACTIVE (total)**", runs, r -> r.toActive().toNanos()));
        t.append(timeRow("offboarding (ACTIVE → OFFBOARDED, sweep included)", runs, r -> r.offboarding().toNanos()));
        t.append(sizeRow("heap used after GC, end of run", runs, r -> r.heapAfterGc()));
        t.append(sizeRow("peak RSS of the process (VmHWM)", runs, r -> r.peakRssBytes()));
        return t.toString();
    }

    /** Where the validate step goes: each check's time, and the outcomes it had over the runs. */
    private static String checks(List<ProvisioningRun> runs) {
        StringBuilder t = new StringBuilder("| validation check | median | p90 | max | outcomes |\n");
        t.append("|---|---|---|---|---|\n");
        for (CheckResult first : runs.get(0).checks()) {
            String id = first.checkId();
            List<CheckResult> all = runs.stream().flatMap(r -> r.checks().stream())
                    .filter(c -> c.checkId().equals(id)).toList();
            double[] s = all.stream().mapToDouble(c -> c.elapsed().toNanos()).sorted().toArray();
            String outcomes = all.stream().collect(Collectors.groupingBy(CheckResult::status, TreeMap::new,
                    Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
            t.append(String.format(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s | %s |%n", id, seconds(median(s)),
                    seconds(p90(s)), seconds(s[s.length - 1]), outcomes));
        }
        return t.toString();
    }

    private static String perRun(List<ProvisioningRun> runs) {
        StringBuilder t = new StringBuilder("| run | tenant |");
        STEPS.forEach(s -> t.append(' ').append(s).append(" |"));
        t.append(" to ACTIVE | offboarding | heap after GC | peak RSS |\n|---|---|");
        t.append("---|".repeat(STEPS.size() + 4)).append('\n');
        for (int i = 0; i < runs.size(); i++) {
            ProvisioningRun r = runs.get(i);
            t.append("| ").append(i + 1).append(" | ").append(r.slug()).append(" |");
            STEPS.forEach(s -> t.append(String.format(Locale.ROOT, " %.3f s |", seconds(r.step(s).toNanos()))));
            t.append(String.format(Locale.ROOT, " %.3f s | %.3f s | %.0f MB | %.0f MB |%n",
                    seconds(r.toActive().toNanos()), seconds(r.offboarding().toNanos()), r.heapAfterGc() / MB,
                    r.peakRssBytes() / MB));
        }
        return t.toString();
    }

    private static String timeRow(String what, List<ProvisioningRun> runs, ToDoubleFunction<ProvisioningRun> nanos) {
        double[] s = sorted(runs, nanos);
        return String.format(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s |%n", what, seconds(median(s)),
                seconds(p90(s)), seconds(s[s.length - 1]));
    }

    private static String sizeRow(String what, List<ProvisioningRun> runs, ToDoubleFunction<ProvisioningRun> bytes) {
        double[] s = sorted(runs, bytes);
        return String.format(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.0f MB |%n", what, median(s) / MB, p90(s) / MB,
                s[s.length - 1] / MB);
    }

    private static double[] sorted(List<ProvisioningRun> runs, ToDoubleFunction<ProvisioningRun> value) {
        double[] values = runs.stream().mapToDouble(value).toArray();
        Arrays.sort(values);
        return values;
    }

    /** The middle value; the mean of the two middle values for an even count. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest rank: the smallest value with at least 90 % of the values at or below it. */
    static double p90(double[] sorted) {
        return sorted[Math.max(0, (int) Math.ceil(0.9 * sorted.length) - 1)];
    }

    private static double seconds(double nanos) {
        return nanos / 1e9;
    }

    private static String notes() {
        return """
                How to read it: a step lasts from its first progress event to the next step's first event, as \
                `tenantctl` times it. `provision` is the six resources created one after the other; `configure` \
                is every kind's configure phase (tables and RLS, the Redis quota, for Gold the demo documents, \
                the Prometheus target); `validate` is the eight checks; `activate` is the state change and its \
                notification. "request → ACTIVE" is the wall time of `ProvisioningJob.run`. \
                Median: the middle run (mean of the two middle runs for an even count); p90: nearest rank, which \
                with 3 runs is the slowest run. Heap is measured after `System.gc()` once the tenant is offboarded; \
                peak RSS only grows over the process's life.
                """;
    }

    static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "unknown";
        }
        String[] parts = Files.readString(loadavg).strip().split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown CPU";
        }
        return Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static long memTotalMb() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return -1;
        }
        return Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
    }
}
