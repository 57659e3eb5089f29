package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.progress.StepTimer;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long `tenantctl update` takes on this machine (run by {@code bench/update-bench.sh}): one Bronze tenant is
 * provisioned on the real local services with the direct engine, then changed {@code --runs N} times (default 7)
 * between Bronze/CC_BENCH_A and Silver/CC_BENCH_B — auto-approved changes that retag every resource, change the
 * connection limit and the Redis quota, and re-validate with the eight checks — then offboarded. Prints a
 * markdown report; {@code --out FILE} also writes it.
 */
public final class UpdateBench {

    private static final Actor OPERATOR = Actor.stated("update-bench");

    private UpdateBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 7;
        Path out = args.length >= 4 && args[2].equals("--out") ? Path.of(args[3]) : null;
        if (runs < 5) {
            throw new IllegalArgumentException("--runs must be at least 5 (a median of fewer says little)");
        }
        String load = ProvisioningBenchReport.loadAverage();
        Path dataDir = Files.createTempDirectory("update-bench");
        Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString()));
        List<Map<String, Duration>> measured = new ArrayList<>();
        Slug slug = TestServices.uniqueSlug("bench-upd");
        try (TenantPlatform platform = TenantPlatform.open(settings, ProgressListener.silent())) {
            try {
                PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1",
                        "500000", "owner@bench.example", "INTERNAL", "NONE", false, "CC_BENCH_A", null), "update-bench",
                        EngineKind.DIRECT, ProgressListener.silent());
                if (!(outcome instanceof PipelineOutcome.Activated)) {
                    throw new IllegalStateException("the bench tenant did not reach ACTIVE: " + outcome);
                }
                for (int i = 1; i <= runs + 1; i++) {
                    boolean up = i % 2 == 1;
                    ChangeDraft change = new ChangeDraft(up ? "silver" : "bronze", null, null, null, null,
                            up ? "CC_BENCH_B" : "CC_BENCH_A", null);
                    StepTimer steps = new StepTimer(ProgressListener.silent());
                    long start = System.nanoTime();
                    UpdateResult result = platform.updateHandler().update(slug, change, OPERATOR, steps);
                    Duration total = Duration.ofNanos(System.nanoTime() - start);
                    if (!(result instanceof UpdateResult.Applied)) {
                        throw new IllegalStateException("run " + i + " was not applied: " + result);
                    }
                    Map<String, Duration> times = new java.util.LinkedHashMap<>(steps.durations());
                    // planning, recording the version and its audit row happen before the first progress event
                    times.put("plan", total.minus(times.values().stream().reduce(Duration.ZERO, Duration::plus)));
                    times.put("total", total);
                    System.err.printf("run %d%s: %s%n", i, i == 1 ? " (warm-up, not counted)" : "", times);
                    if (i > 1) {
                        measured.add(times);
                    }
                }
            } finally {
                TenantCleanup.finish(platform, slug);
            }
        }
        String report = report(measured, load);
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
    }

    private static String report(List<Map<String, Duration>> runs, String load) {
        StringBuilder md = new StringBuilder("# Update benchmark: `tenantctl update` of an ACTIVE tenant, "
                + java.time.LocalDate.now() + "\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (Runtime.availableProcessors), Java %s; load average "
                + "(1/5/15 min) at the start: %s. Shared with other engineers building and testing: quote medians.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load));
        md.append("Each run: `UpdateHandler.update` of one Bronze tenant (direct engine, local PostgreSQL, Redis, "
                + "filesystem object store, Lucene, Prometheus file_sd), alternating Bronze/CC_BENCH_A ↔ "
                + "Silver/CC_BENCH_B: auto-approved, applied in place (every resource retagged, connection limit and "
                + "Redis quota reconfigured), re-validated with the eight checks. One warm-up run is not counted.\n\n");
        md.append("| measurement | median | min | max |\n|---|---|---|---|\n");
        for (String step : List.of("plan", "update", "validate", "total")) {
            List<Double> seconds = runs.stream().map(r -> r.getOrDefault(step, Duration.ZERO).toNanos() / 1e9)
                    .sorted().toList();
            md.append(String.format(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s |%n",
                    step.equals("total") ? "**update, request → applied and re-validated (total)**" : "step: " + step,
                    median(seconds), seconds.get(0), seconds.get(seconds.size() - 1)));
        }
        md.append(String.format(Locale.ROOT, "%n%d measured runs. `plan` = planning the change, recording the version "
                + "and its audit row; `update` = applying in place (retag + configure of the six kinds, journal); "
                + "`validate` = the eight checks on the new configuration.%n", runs.size()));
        return md.toString();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
