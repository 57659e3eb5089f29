package io.tenantprovisioning.bench;

import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.TenantModule;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request → ACTIVE with the terraform engine (the AWS provider from the warm mirror applying the tenant's
 * object-store part on moto, the drivers configuring the rest) beside the direct engine, in the same run, on
 * the same services, object store on moto for both; each tenant offboarded after (not timed). Prints a
 * markdown report; {@code bench/terraform-bench.sh [tenants]} runs it (default 5 per engine), alternating
 * the engines so load changes hit both.
 */
public final class EngineBench {

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dataDir = Files.createTempDirectory("engine-bench");
        Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString(),
                Setting.OBJECT_STORE, "s3", Setting.TERRAFORM_MODULE_DIR, TenantModule.PROVIDERS_DIR));
        if (!ProviderMirror.fromSettings(settings).holds("hashicorp/aws")) {
            throw new IllegalStateException("no hashicorp/aws provider mirror: run scripts/provider-mirror.sh build");
        }
        String load = ProvisioningBenchReport.loadAverage();
        List<Double> terraform = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> events.add(s + ": " + m))) {
            for (int i = 1; i <= tenants; i++) {
                terraform.add(once(platform, EngineKind.TERRAFORM, i));
                direct.add(once(platform, EngineKind.DIRECT, i));
            }
        }
        String report = String.format(Locale.ROOT, """
                # Terraform engine vs direct engine: request → ACTIVE

                Recorded %s on %d cores (load average before: %s); %d Silver tenants per engine, alternating;
                object store on moto for both; terraform: OpenTofu + hashicorp/aws from the warm mirror, state on
                the pg backend, encrypted.

                | engine | runs | median s | p95 s | min s | max s |
                |---|---|---|---|---|---|
                | terraform | %d | %.1f | %.1f | %.1f | %.1f |
                | direct | %d | %.1f | %.1f | %.1f | %.1f |

                terraform runs (s): %s
                direct runs (s): %s
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), load, tenants,
                terraform.size(), percentile(terraform, 50), percentile(terraform, 95), min(terraform), max(terraform),
                direct.size(), percentile(direct, 50), percentile(direct, 95), min(direct), max(direct),
                terraform, direct);
        System.out.println(report);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), report);
        }
    }

    /** One Silver tenant to ACTIVE (timed) and offboarded (not timed); throws if either fails. */
    private static double once(TenantPlatform platform, EngineKind engine, int run) {
        Slug slug = TestServices.uniqueSlug("bench-" + engine.name().toLowerCase(Locale.ROOT).charAt(0));
        RequestDraft draft = new RequestDraft(slug.value(), "silver", "us-east-1", "500000", "bench@acme.example",
                "INTERNAL", "NONE", false, null, null);
        long start = System.nanoTime();
        PipelineOutcome outcome = platform.job().run(draft, "engine-bench", engine, ProgressListener.silent());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(outcome instanceof PipelineOutcome.Activated)) {
            platform.rollback(slug, ProgressListener.silent());
            throw new IllegalStateException(engine + " run " + run + " did not reach ACTIVE: " + outcome);
        }
        if (!platform.offboard(slug, ProgressListener.silent()).complete()) {
            throw new IllegalStateException("offboarding " + slug + " left resources behind");
        }
        System.err.printf(Locale.ROOT, "%s run %d: %s ACTIVE in %.1f s%n", engine, run, slug, seconds);
        return seconds;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
