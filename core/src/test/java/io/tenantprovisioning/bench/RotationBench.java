package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.CredentialKind;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.RotationOutcome;
import io.tenantprovisioning.application.RotationReport;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * `tenantctl rotate` on the real local services (PostgreSQL, Redis, moto S3/IAM): one Bronze tenant,
 * then {@code runs} rotations of all four credentials and of each one alone, every one proven (new
 * login accepted, old refused) as in production. Reports medians; writes a markdown results file.
 * Usage: RotationBench [--runs N] [--out FILE]
 */
public final class RotationBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length >= 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 10;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        String load = ProvisioningBenchReport.loadAverage();
        Path dataDir = Files.createTempDirectory("rotation-bench");
        // overlap 0: back-to-back signing-key rotations are what is measured here, not the overlap window
        Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString(),
                Setting.OBJECT_STORE, "s3", Setting.JWT_KEY_OVERLAP_MINUTES, "0",
                Setting.QUERY_PERFORMANCE_SLA_MS, "20000", Setting.OFFLINE, "true"));
        Slug slug = TestServices.uniqueSlug("bench-rot");
        String report;
        try (TenantPlatform platform = TenantPlatform.open(settings, ProgressListener.silent())) {
            try {
                PipelineOutcome outcome = platform.job().run(new RequestDraft(slug.value(), "bronze", "us-east-1",
                        "500000", "owner@bench.example", "INTERNAL", "NONE", false, null, null), "rotation-bench",
                        EngineKind.DIRECT, ProgressListener.silent());
                if (!(outcome instanceof PipelineOutcome.Activated)) {
                    throw new IllegalStateException("the bench tenant did not reach ACTIVE: " + outcome);
                }
                timed(platform, slug, EnumSet.allOf(CredentialKind.class)); // warm-up, not counted
                List<Duration> all = new ArrayList<>();
                Map<CredentialKind, List<Duration>> single = new EnumMap<>(CredentialKind.class);
                for (int i = 1; i <= runs; i++) {
                    all.add(timed(platform, slug, EnumSet.allOf(CredentialKind.class)));
                    for (CredentialKind kind : CredentialKind.values()) {
                        single.computeIfAbsent(kind, k -> new ArrayList<>()).add(timed(platform, slug, Set.of(kind)));
                    }
                    System.err.println("run " + i + "/" + runs + ": all four " + all.get(all.size() - 1).toMillis() + " ms");
                }
                report = render(runs, load, all, single);
            } finally {
                platform.offboard(slug, ProgressListener.silent());
            }
        }
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
    }

    /** One rotation; a run whose credentials did not all rotate stops the benchmark (it would measure a failure). */
    private static Duration timed(TenantPlatform platform, Slug slug, Set<CredentialKind> kinds) {
        long start = System.nanoTime();
        RotationReport report = platform.rotation().rotate(slug, kinds, "rotation-bench", ProgressListener.silent());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!report.outcomes().stream().allMatch(o -> o instanceof RotationOutcome.Rotated)) {
            throw new IllegalStateException("a rotation did not complete: " + report.outcomes());
        }
        return elapsed;
    }

    private static String render(int runs, String load, List<Duration> all, Map<CredentialKind, List<Duration>> single) {
        StringBuilder md = new StringBuilder("# Credential rotation benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Recorded %s by `bench/rotation-bench.sh %d`. %d cores (nproc), Java %s, "
                        + "load average (1/5/15 min) at the start: %s; the machine is shared, quote medians.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load));
        md.append("One Bronze tenant on PostgreSQL 15, Redis 7 and moto (S3 + IAM, enforcement on), direct engine. Each ")
                .append("rotation issues the new credential, proves it with a real login, records it, revokes the old ")
                .append("one and proves it refused (signing key: its tokens refused once it retires, overlap 0 here). ")
                .append("One warm-up rotation of all four is not counted.\n\n");
        md.append("| rotation | runs | median | p90 | max |\n|---|---:|---:|---:|---:|\n");
        md.append(row("all four (`rotate <slug>`)", all));
        single.forEach((kind, samples) -> md.append(row("`--only " + kind.option() + "`", samples)));
        return md.toString();
    }

    private static String row(String name, List<Duration> samples) {
        List<Long> ms = samples.stream().map(Duration::toMillis).sorted().toList();
        long median = ms.size() % 2 == 1 ? ms.get(ms.size() / 2) : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
        long p90 = ms.get(Math.max(0, (int) Math.ceil(ms.size() * 0.9) - 1));
        return String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms |%n", name, ms.size(), median, p90,
                ms.get(ms.size() - 1));
    }

    private RotationBench() {
    }
}
