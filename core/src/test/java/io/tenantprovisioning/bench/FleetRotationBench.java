package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.CredentialKind;
import io.tenantprovisioning.application.FleetRotation;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `tenantctl rotate --all --older-than 0` on the real local services: {@code tenants} Bronze tenants in a
 * registry of the benchmark's own (a fleet rotation takes every tenant of its registry), then {@code runs}
 * fleet rotations of all four credentials of every tenant, each proven as in production. Reports the median
 * run and tenants per minute; writes a markdown results file.
 * Usage: FleetRotationBench [--tenants N] [--runs R] [--out FILE]
 */
public final class FleetRotationBench {

    public static void main(String[] args) throws Exception {
        int tenants = intArg(args, "--tenants", 8);
        int runs = intArg(args, "--runs", 5);
        Path out = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        String load = ProvisioningBenchReport.loadAverage();
        Path dataDir = Files.createTempDirectory("fleet-rotation-bench");
        String report;
        try (ThrowawayRegistry registry = ThrowawayRegistry.create()) {
            // overlap 0: back-to-back signing-key rotations are measured, not skipped inside the overlap window
            Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString(),
                    Setting.REGISTRY_DB_SCHEMA, registry.schema(), Setting.OBJECT_STORE, "s3",
                    Setting.JWT_KEY_OVERLAP_MINUTES, "0", Setting.QUERY_PERFORMANCE_SLA_MS, "20000",
                    Setting.OFFLINE, "true"));
            try (TenantPlatform platform = TenantPlatform.open(settings, ProgressListener.silent())) {
                List<Slug> slugs = new ArrayList<>();
                try {
                    for (int i = 0; i < tenants; i++) {
                        slugs.add(provision(platform));
                    }
                    List<Duration> samples = new ArrayList<>();
                    for (int i = 1; i <= runs; i++) {
                        samples.add(timed(platform, tenants));
                        System.err.println("run " + i + "/" + runs + ": " + samples.get(samples.size() - 1).toMillis()
                                + " ms for " + tenants + " tenants");
                    }
                    report = render(tenants, runs, load, samples);
                } finally {
                    for (Slug slug : slugs) {
                        platform.offboard(slug, ProgressListener.silent());
                    }
                }
            }
        }
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
    }

    private static Slug provision(TenantPlatform platform) {
        Slug slug = TestServices.uniqueSlug("bench-frot");
        PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1", "500000",
                "owner@bench.example", "INTERNAL", "NONE", false, null, null), "fleet-rotation-bench",
                EngineKind.DIRECT, ProgressListener.silent());
        if (!(outcome instanceof PipelineOutcome.Activated)) {
            throw new IllegalStateException("a bench tenant did not reach ACTIVE: " + outcome);
        }
        return slug;
    }

    /** One fleet rotation; a run in which a tenant did not rotate everything stops the benchmark. */
    private static Duration timed(TenantPlatform platform, int tenants) {
        long start = System.nanoTime();
        FleetRotation run = platform.rotation().rotateDue(Duration.ZERO, EnumSet.allOf(CredentialKind.class),
                "fleet-rotation-bench", ProgressListener.silent());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!run.allSucceeded() || run.tenants().size() != tenants) {
            throw new IllegalStateException("a fleet rotation did not complete: " + run.tenants());
        }
        return elapsed;
    }

    private static String render(int tenants, int runs, String load, List<Duration> samples) {
        List<Long> ms = samples.stream().map(Duration::toMillis).sorted().toList();
        long median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2) : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
        StringBuilder md = new StringBuilder("# Fleet credential rotation benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Recorded %s by `bench/fleet-rotation-bench.sh %d %d`. %d cores (nproc), "
                        + "Java %s, load average (1/5/15 min) at the start: %s; the machine is shared, quote medians.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", tenants, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load));
        md.append(String.format(Locale.ROOT, "`rotate --all --older-than 0` over %d Bronze tenants on PostgreSQL 15, "
                + "Redis 7 and moto (S3 + IAM, enforcement on), in a registry of the benchmark's own: every tenant's "
                + "four credentials, one tenant after the other, each new one proven by a real login before the old "
                + "one is revoked and proven refused.%n%n", tenants));
        md.append("| tenants | runs | median run | fastest | slowest | tenants/min (median) |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %d ms | %d ms | %d ms | %.0f |%n", tenants, ms.size(), median,
                ms.get(0), ms.get(ms.size() - 1), tenants * 60_000.0 / median));
        return md.toString();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private FleetRotationBench() {
    }
}
