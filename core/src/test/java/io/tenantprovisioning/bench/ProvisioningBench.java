package io.tenantprovisioning.bench;

import io.tenantprovisioning.progress.StepTimer;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.application.TeardownResult;
import io.tenantprovisioning.model.TenantState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The product's headline promise on this machine: how long a tenant takes from request to ACTIVE
 * (run by {@code bench/provisioning-bench.sh}). Each run submits a fresh tenant through
 * {@link ProvisioningJob#run} with the direct engine on the real local services, then offboards it.
 * Every tenant is offboarded, or rolled back, whatever happens. Prints a markdown report;
 * {@code --out FILE} also writes it. Options: {@code --runs N} (Bronze, default 10), {@code --gold-runs N}
 * (default 3).
 */
public final class ProvisioningBench {

    private static final String REQUESTER = "provisioning-bench";
    private static final int DEFAULT_RUNS = 10;
    private static final int DEFAULT_GOLD_RUNS = 3;
    // below the auto-approve threshold (₹10 lakh) and not sensitive: no approver in the loop, as in the demo
    private static final String BUDGET_INR = "500000";

    private final TenantPlatform platform;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private ProvisioningBench(TenantPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = count(options, "--runs", DEFAULT_RUNS, 1);
        int goldRuns = count(options, "--gold-runs", DEFAULT_GOLD_RUNS, 0);
        Path out = options.containsKey("--out") ? Path.of(options.get("--out")) : null;
        String loadBefore = ProvisioningBenchReport.loadAverage();
        Path dataDir = Files.createTempDirectory("provisioning-bench");
        String report;
        try {
            Settings settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, dataDir.toString()));
            report = measure(settings, runs, goldRuns, loadBefore);
        } finally {
            deleteTree(dataDir);
        }
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
    }

    private static String measure(Settings settings, int runs, int goldRuns, String loadBefore) throws Exception {
        List<String> platformEvents = Collections.synchronizedList(new ArrayList<>());
        try (TenantPlatform platform = TenantPlatform.open(settings, (step, message) ->
                platformEvents.add(step + ": " + message))) {
            ProvisioningBench bench = new ProvisioningBench(platform);
            progress("bronze warm-up (not counted)");
            ProvisioningRun warmUp = bench.measured(Tier.BRONZE);
            progress("  " + summary(warmUp));
            List<ProvisioningRun> bronze = bench.series(Tier.BRONZE, runs);
            List<ProvisioningRun> gold = bench.series(Tier.GOLD, goldRuns);
            return new ProvisioningBenchReport(ServiceVersions.of(settings), loadBefore, warmUp, bronze, gold)
                    .render();
        }
    }

    private List<ProvisioningRun> series(Tier tier, int runs) {
        List<ProvisioningRun> measured = new ArrayList<>(runs);
        for (int i = 1; i <= runs; i++) {
            progress(tier.displayName() + " run " + i + "/" + runs);
            ProvisioningRun run = measured(tier);
            progress("  " + summary(run));
            measured.add(run);
        }
        return measured;
    }

    /** One fresh tenant to ACTIVE and back out; whatever happens, nothing of it is left behind. */
    private ProvisioningRun measured(Tier tier) {
        Slug slug = TestServices.uniqueSlug("bench");
        log.clear();
        RuntimeException failure = null;
        try {
            return provisionAndOffboard(tier, slug);
        } catch (RuntimeException e) {
            failure = new IllegalStateException(tier.displayName() + " run for " + slug + " failed: " + e.getMessage()
                    + "\nevents:\n  " + String.join("\n  ", log), e);
            throw failure;
        } finally {
            leaveNothing(slug, failure);
        }
    }

    private ProvisioningRun provisionAndOffboard(Tier tier, Slug slug) {
        ProgressListener logged = (step, message) -> log.add(step + ": " + message);
        StepTimer steps = new StepTimer(logged);
        long start = System.nanoTime();
        PipelineOutcome outcome = platform.job().run(draft(slug, tier), REQUESTER,
                EngineKind.DIRECT, steps);
        Duration toActive = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Duration> stepTimes = steps.durations();
        if (!(outcome instanceof PipelineOutcome.Activated)) {
            throw new IllegalStateException("did not reach ACTIVE: " + outcome);
        }
        long offboardStart = System.nanoTime();
        TeardownResult offboarded = platform.offboard(slug, logged);
        Duration offboarding = Duration.ofNanos(System.nanoTime() - offboardStart);
        if (!offboarded.complete()) {
            throw new IllegalStateException("offboarding left " + offboarded.sweep().survivors() + ", errors "
                    + offboarded.compensationErrors());
        }
        List<CheckResult> checks = ((PipelineOutcome.Activated) outcome).report().results();
        return new ProvisioningRun(slug.value(), tier, stepTimes, checks, toActive, offboarding, heapAfterGc(),
                peakRss());
    }

    /**
     * The safety net behind every run: a tenant still live after a failure is offboarded (ACTIVE, DEGRADED,
     * OFFBOARDING) or rolled back (anything else unfinished). A cleanup failure is attached to the run's
     * own failure, or thrown when the run itself went through: it is never swallowed.
     */
    private void leaveNothing(Slug slug, RuntimeException failure) {
        try {
            Optional<TenantRecord> tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isEmpty() || tenant.get().state().finished()) {
                return;
            }
            String state = tenant.get().state().name();
            ProgressListener logged = (step, message) -> log.add("cleanup " + step + ": " + message);
            boolean clean = List.of("ACTIVE", "DEGRADED", "OFFBOARDING").contains(state)
                    ? platform.offboard(slug, logged).complete()
                    : platform.rollback(slug, logged).survivors().isEmpty();
            if (!clean) {
                throw new IllegalStateException("cleanup of " + slug + " (was " + state + ") left resources "
                        + "behind: " + String.join("; ", log));
            }
        } catch (RuntimeException cleanup) {
            if (failure == null) {
                throw cleanup;
            }
            failure.addSuppressed(cleanup);
        }
    }

    private static RequestDraft draft(Slug slug, Tier tier) {
        return new RequestDraft(slug.value(), tier.name().toLowerCase(Locale.ROOT), "us-east-1", BUDGET_INR,
                "bench@acme.example", "INTERNAL", "NONE", false, null, null);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmHWM: the peak resident set of this process so far (Linux); -1 where /proc is not there. */
    static long peakRss() {
        Path status = Path.of("/proc/self/status");
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring("VmHWM:".length()).strip().split("\\s+")[0])
                    .mapToLong(kb -> Long.parseLong(kb) * 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String summary(ProvisioningRun run) {
        return String.format(Locale.ROOT, "%s ACTIVE in %.1f s, offboarded in %.1f s", run.slug(),
                run.toActive().toNanos() / 1e9, run.offboarding().toNanos() / 1e9);
    }

    private static void progress(String line) {
        System.err.println(line);
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: ProvisioningBench [--runs N] [--gold-runs N] [--out FILE]");
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--runs", "--gold-runs", "--out").contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "' (--runs, --gold-runs, --out)");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static int count(Map<String, String> options, String name, int fallback, int min) {
        String text = options.getOrDefault(name, String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(name + " must be a whole number ≥ " + min + ", got '" + text + "'");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
