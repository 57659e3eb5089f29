package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.reliability.ServiceOutage;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2, Redis: Redis goes away mid-provision (stopped: connections reset and refused; or
 * hanging: connections accepted, never answered) just before the tenant's Redis user is created. The run
 * ends within a bound (every call has a deadline) with an error naming Redis, the registry tells the truth
 * (rolled back, or ROLLBACK_FAILED with what it could not remove), and once Redis is back `rollback` ends
 * ROLLED_BACK with nothing of the tenant on any service. The outage is a forwarder in front of the shared
 * Redis (see {@link ServiceOutage}): only this test's platform loses Redis, never the other test runs.
 */
@Tag("reliability")
class RedisOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private ServiceOutage redis;
    private TenantPlatform platform;
    private TenantFootprint footprint;
    private Slug slug;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() throws Exception {
        Settings shared = TestServices.settings();
        redis = new ServiceOutage(shared.string(Setting.REDIS_HOST), shared.integer(Setting.REDIS_PORT));
        Settings settings = shared.with(Map.of(Setting.DATA_DIR, dataDir.toString(),
                Setting.REDIS_PORT, Integer.toString(redis.port()), Setting.TENANTCTL_PAUSE_AT, "redis:4"));
        platform = TenantPlatform.open(settings, (step, message) -> log.add(step + " " + message));
        footprint = new TenantFootprint(shared);
        slug = TestServices.uniqueSlug("rdown");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            redis.start();
            TenantCleanup.finish(platform, slug);
        } finally {
            footprint.close();
            platform.close();
            redis.close();
        }
    }

    @ParameterizedTest(name = "redis {0} mid-provision")
    @ValueSource(strings = {"stopped", "hanging"})
    void aClearErrorNamingRedisNoHangAndRollbackCompletesOnceItIsBack(String how) throws Exception {
        PropertyTally tally = new PropertyTally("services failing: redis " + how + " mid-provision");
        boolean held = false;
        String note = "did not hold";
        try {
            CompletableFuture<PipelineOutcome> run = CompletableFuture.supplyAsync(() -> platform.job().run(
                    TestRequests.draft(slug, "bronze", 300_000, null), "outage-test", EngineKind.DIRECT,
                    (step, message) -> log.add(step + " " + message)));
            awaitJournalled(ResourceKind.REDIS);
            if (how.equals("stopped")) {
                redis.stop();
            } else {
                redis.hang();
            }
            long cut = System.nanoTime();

            PipelineOutcome outcome = run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - cut);

            String events = String.join("\n", log);
            assertThat(outcome).as(events).isInstanceOf(PipelineOutcome.RolledBack.class);
            String reason = ((PipelineOutcome.RolledBack) outcome).reason();
            assertThat(reason).as("names the service").containsIgnoringCase("redis");
            assertThat(took).as("no hang").isLessThan(BOUND);
            String state = state();
            assertThat(state).as("the registry tells the truth: " + events).isIn("ROLLED_BACK", "ROLLBACK_FAILED");
            if (state.equals("ROLLBACK_FAILED")) {
                assertThat(((PipelineOutcome.RolledBack) outcome).survivors()).as("what is left is said").isNotEmpty();
            }

            redis.start();
            RollbackResult rollback = platform.rollback(slug, (step, message) -> log.add(step + " " + message));
            assertThat(rollback).as(String.join("\n", log)).isNotInstanceOf(RollbackResult.Incomplete.class);
            assertThat(state()).isEqualTo("ROLLED_BACK");
            assertThat(footprint.of(slug)).as("left on the services").isEmpty();
            held = true;
            note = "forwarder in front of the shared Redis; " + how + " while paused at the redis step; run ended "
                    + took.toMillis() + " ms after the cut, " + state + ": " + firstLine(reason);
        } finally {
            tally.tried(held);
            tally.record(note);
        }
    }

    private String state() {
        return platform.services().registry().tenants().require(slug).state().name();
    }

    private void awaitJournalled(ResourceKind kind) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<TenantRecord> tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isPresent()) {
                List<JournalEntry> journal = platform.services().registry().journal().entries(tenant.get().id());
                if (journal.stream().anyMatch(e -> e.kind() == kind && e.status() == JournalStatus.INTENDED)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never reached the " + kind + " step:\n" + String.join("\n", log));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
