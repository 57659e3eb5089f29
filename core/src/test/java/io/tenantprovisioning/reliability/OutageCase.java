package io.tenantprovisioning.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.validation.MetricsCollectionCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One try of the services-failing property: one service ({@link FailingService}) goes away behind its
 * {@link ServiceOutage} forwarder at one point (mid-provision or mid-rollback), on a platform of its own.
 * {@link #run()} throws an AssertionError naming what did not hold and records the try in the tally.
 */
final class OutageCase {

    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String PAUSE_SECONDS = "4";

    enum Phase { PROVISION, ROLLBACK }

    enum Cut { STOPPED, HANGING }

    private final FailingService service;
    private final Phase phase;
    private final Cut cut;
    private final Path dataDir;
    private final Slug slug = TestServices.uniqueSlug("sfail");
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private TenantPlatform platform;
    private boolean restored;

    OutageCase(FailingService service, Phase phase, Cut cut, Path dataDir) {
        this.service = service;
        this.phase = phase;
        this.cut = cut;
        this.dataDir = dataDir;
    }

    /** Every service stopped mid-provision and mid-rollback, and the Slack webhook hanging mid-provision. */
    static List<OutageCase> all(Path dataRoot) {
        List<OutageCase> all = new ArrayList<>();
        // the longest first (those that wait out pool and request deadlines), so the ones run at once overlap
        all.add(new OutageCase(FailingService.REGISTRY, Phase.ROLLBACK, Cut.STOPPED, dataRoot));
        all.add(new OutageCase(FailingService.POSTGRES, Phase.PROVISION, Cut.STOPPED, dataRoot));
        all.add(new OutageCase(FailingService.SLACK, Phase.PROVISION, Cut.HANGING, dataRoot));
        all.add(new OutageCase(FailingService.POSTGRES, Phase.ROLLBACK, Cut.STOPPED, dataRoot));
        for (FailingService service : FailingService.values()) {
            for (Phase phase : Phase.values()) {
                if (service != FailingService.POSTGRES && !(service == FailingService.REGISTRY && phase == Phase.ROLLBACK)) {
                    all.add(new OutageCase(service, phase, Cut.STOPPED, dataRoot));
                }
            }
        }
        return all;
    }

    String property() {
        return "services failing: " + service.label() + " " + cut.name().toLowerCase(Locale.ROOT) + " mid-"
                + phase.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return property();
    }

    /** The try: what it showed, or an AssertionError; the service is back and the tenant cleaned up either way. */
    String run() throws Exception {
        PropertyTally tally = new PropertyTally(property());
        boolean held = false;
        String note = "did not hold";
        Settings shared = TestServices.settings();
        try (FailingService.Backend backend = service.start(shared);
             ServiceOutage outage = new ServiceOutage(backend.host(), backend.port());
             TenantFootprint footprint = new TenantFootprint(shared)) {
            try {
                platform = TenantPlatform.open(shared.with(settings(backend, outage)),
                        (step, message) -> log.add(step + " " + message));
                note = attempt(outage, footprint);
                held = true;
                return note;
            } finally {
                restore(outage);
                cleanUp();
            }
        } finally {
            tally.tried(held);
            tally.record(note);
        }
    }

    private String attempt(ServiceOutage outage, TenantFootprint footprint) throws Exception {
        CompletableFuture<PipelineOutcome> run = CompletableFuture.supplyAsync(() -> platform.job().run(
                TestRequests.draft(slug, "bronze", 300_000, null), "outage-test", EngineKind.DIRECT,
                (step, message) -> log.add(step + " " + message)));
        await(cutPoint(), "the cut point of " + property());
        if (cut == Cut.STOPPED) {
            outage.stop();
        } else {
            outage.hang();
        }
        long cutAt = System.nanoTime();
        Ended ended = ended(run);
        Duration took = Duration.ofNanos(System.nanoTime() - cutAt);
        assertThat(took).as("no hang").isLessThan(BOUND);
        if (service == FailingService.REGISTRY) {
            // nothing can be read back while the registry is away: what it says is checked once it is back
            restore(outage);
        }
        String said = service.critical() ? expectFailure(ended) : expectServing(ended);
        restore(outage);
        String after = finishOnceBack();
        assertThat(footprint.of(slug)).as("left on the services: " + events()).isEmpty();
        assertThat(events() + audit()).as("the webhook URL is never in a message")
                .doesNotContain(FailingService.WEBHOOK_SECRET_PATH);
        return "forwarder in front of the " + service.label() + "; run ended " + took.toMillis()
                + " ms after the cut: " + said + "; once back: " + after;
    }

    /** The service back, once (starting the forwarder again would cut the connections opened since). */
    private void restore(ServiceOutage outage) throws IOException {
        if (!restored) {
            outage.start();
            restored = true;
        }
    }

    private void cleanUp() {
        if (platform != null) {
            try {
                TenantCleanup.finish(platform, slug);
            } finally {
                platform.close();
            }
        }
    }

    private Map<Setting, String> settings(FailingService.Backend backend, ServiceOutage outage) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.DATA_DIR, dataDir.resolve(slug.value()).toString());
        // several cases validate at once on a shared 2-core machine: query latency is not what is tested
        settings.put(Setting.QUERY_PERFORMANCE_SLA_MS, "20000");
        settings.put(Setting.QUERY_PERFORMANCE_RUNS, "5");
        settings.putAll(backend.through(outage.port()));
        if (phase == Phase.PROVISION) {
            String step = service.critical() ? service.kind().stepName() : "validate";
            settings.put(Setting.TENANTCTL_PAUSE_AT, step + ":" + PAUSE_SECONDS);
        } else {
            settings.put(Setting.TENANTCTL_FAIL_AT, "configure");
            settings.put(Setting.TENANTCTL_FAULTS, "driver-destroy:" + service.kind().stepName() + "=pause:"
                    + PAUSE_SECONDS + "s");
        }
        return settings;
    }

    /** Mid-provision: the kind's intent is journalled (or validation began); mid-rollback: the rollback began. */
    private BooleanSupplier cutPoint() {
        if (phase == Phase.ROLLBACK) {
            return () -> state().filter(s -> s == TenantState.ROLLING_BACK).isPresent();
        }
        if (!service.critical()) {
            return () -> state().filter(s -> s == TenantState.VALIDATING).isPresent();
        }
        return () -> tenant().map(t -> platform.services().registry().journal().entries(t.id()).stream()
                .anyMatch(e -> e.kind() == service.kind() && e.status() == JournalStatus.INTENDED)).orElse(false);
    }

    /**
     * A critical service: the run fails with an error naming it. With the registry gone nothing can be
     * recorded, so the run ends with that error and, once back, the registry says the last state it durably
     * knew (the run was PROVISIONING or ROLLING_BACK): never a claim of ACTIVE or ROLLED_BACK it could not
     * back; the rollback then resumes from it.
     */
    private String expectFailure(Ended ended) {
        if (service == FailingService.REGISTRY) {
            assertThat(ended.error()).as("the run fails: " + events()).isPresent();
            assertThat(causes(ended.error().get())).as("names the registry").containsIgnoringCase(service.named());
            TenantState state = state().orElseThrow();
            assertThat(state).as("the registry keeps the truth it could record")
                    .isEqualTo(phase == Phase.PROVISION ? TenantState.PROVISIONING : TenantState.ROLLING_BACK);
            return "error " + firstLine(causes(ended.error().get())) + "; registry says " + state;
        }
        PipelineOutcome.RolledBack failed = rolledBack(ended);
        String text = failed.reason() + " " + String.join(" ", failed.survivors());
        assertThat(text).as("names the service: " + events()).containsIgnoringCase(service.named());
        TenantState state = state().orElseThrow();
        if (phase == Phase.ROLLBACK) {
            assertThat(state).as("a rollback that could not reach the service never claims it is done")
                    .isEqualTo(TenantState.ROLLBACK_FAILED);
        }
        assertThat(state).isIn(TenantState.ROLLED_BACK, TenantState.ROLLBACK_FAILED);
        if (state == TenantState.ROLLBACK_FAILED) {
            assertThat(failed.survivors()).as("what is left is said").isNotEmpty();
        }
        return state + ": " + firstLine(state == TenantState.ROLLBACK_FAILED
                ? String.join("; ", failed.survivors()) : failed.reason());
    }

    /** Monitoring and notifications: provisioning and rollback go on; the loss is reported, never fatal. */
    private String expectServing(Ended ended) {
        assertThat(ended.error()).as("never fails the run").isEmpty();
        String reported;
        if (phase == Phase.PROVISION) {
            assertThat(ended.outcome()).as(events()).isInstanceOf(PipelineOutcome.Activated.class);
            assertThat(state()).contains(TenantState.ACTIVE);
            reported = "ACTIVE";
            if (service == FailingService.PROMETHEUS) {
                String warning = ((PipelineOutcome.Activated) ended.outcome()).report().results().stream()
                        .filter(r -> r.checkId().equals(MetricsCollectionCheck.ID))
                        .map(r -> r.status() + " " + r.outcome().message()).findFirst().orElse("");
                assertThat(warning).as("check 7 warns, naming Prometheus").startsWith("WARNING")
                        .containsIgnoringCase(service.named());
                reported += ", check 7 " + firstLine(warning);
            }
        } else {
            assertThat(rolledBack(ended).complete()).as(events()).isTrue();
            assertThat(state()).contains(TenantState.ROLLED_BACK);
            reported = "ROLLED_BACK";
        }
        if (service.channel().isPresent()) {
            List<AuditRecord> failed = audit().stream().filter(r -> r.action().equals("notification-failed")).toList();
            assertThat(failed).as("the failed notification is in the audit log").isNotEmpty();
            assertThat(failed.get(0).reason()).as("the outage, not anything else, is the reason")
                    .startsWith(service.channel().get()).containsIgnoringCase(service.named());
            reported += ", audit: " + firstLine(failed.get(0).reason());
        }
        return reported;
    }

    /** Once the service is back: a failed run's rollback finishes; a serving tenant offboards. */
    private String finishOnceBack() {
        TenantState state = state().orElseThrow();
        if (state == TenantState.ACTIVE) {
            platform.offboard(slug, (step, message) -> log.add(step + " " + message));
            assertThat(state()).contains(TenantState.OFFBOARDED);
            return "offboarded";
        }
        if (state == TenantState.ROLLED_BACK) {
            return "already ROLLED_BACK";
        }
        RollbackResult rollback = platform.rollback(slug, (step, message) -> log.add(step + " " + message));
        assertThat(rollback).as(events()).isNotInstanceOf(RollbackResult.Incomplete.class);
        assertThat(state()).contains(TenantState.ROLLED_BACK);
        return "rollback from " + state + " ended ROLLED_BACK";
    }

    private static PipelineOutcome.RolledBack rolledBack(Ended ended) {
        assertThat(ended.error()).as("the run returns an outcome").isEmpty();
        assertThat(ended.outcome()).isInstanceOf(PipelineOutcome.RolledBack.class);
        return (PipelineOutcome.RolledBack) ended.outcome();
    }

    private Ended ended(CompletableFuture<PipelineOutcome> run) throws Exception {
        try {
            return new Ended(run.get(BOUND.toSeconds(), TimeUnit.SECONDS), Optional.empty());
        } catch (ExecutionException e) {
            return new Ended(null, Optional.of(e.getCause()));
        }
    }

    private record Ended(PipelineOutcome outcome, Optional<Throwable> error) {
    }

    private Optional<TenantRecord> tenant() {
        return platform.services().registry().tenants().find(slug);
    }

    private Optional<TenantState> state() {
        return tenant().map(TenantRecord::state);
    }

    private List<AuditRecord> audit() {
        return platform.services().registry().audit().forTenant(slug.value());
    }

    private String events() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    private void await(BooleanSupplier reached, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (reached.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the tenant row may not exist yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never reached " + what + ":\n" + events());
    }

    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
