package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.faults.FaultPoint.Site;
import io.tenantprovisioning.model.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plans parse strictly, fire exactly at their points, count fail-times per instance and pause then go on. */
class FaultPlanTest {

    private static final FaultPoint DESTROY_REDIS = FaultPoint.of(Site.DRIVER_DESTROY, ResourceKind.REDIS);
    private static final FaultPoint CREATE_VECTOR = FaultPoint.of(Site.DRIVER_CREATE, ResourceKind.VECTOR);
    private static final FaultPoint LAUNCH_APPLY = new FaultPoint(Site.PROCESS_LAUNCH, "apply");

    @Test
    void theSpecOfTheIssueParses() {
        FaultPlan plan = FaultPlan.parse(
                "driver-destroy:redis=fail, driver-create:vector=pause:30s,process-launch:apply=fail-times:1");
        assertThat(plan.armedFaults()).containsExactly(
                new ArmedFault(DESTROY_REDIS, FaultEffect.fail()),
                new ArmedFault(CREATE_VECTOR, FaultEffect.pause(Duration.ofSeconds(30))),
                new ArmedFault(LAUNCH_APPLY, FaultEffect.failTimes(1)));
        assertThat(plan).hasToString(
                "driver-destroy:redis=fail,driver-create:vector=pause:30s,process-launch:apply=fail-times:1");
        assertThat(FaultPlan.parse(plan.toString()).armedFaults()).isEqualTo(plan.armedFaults());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "none", " none "})
    void blankOrNoneArmsNothing(String spec) {
        FaultPlan plan = FaultPlan.parse(spec);
        assertThat(plan.disarmed()).isTrue();
        assertThat(plan).hasToString("none");
        assertThat(plan.armsAny(List.of(Site.values()))).isFalse();
        assertThatCode(() -> plan.reach(DESTROY_REDIS)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"driver-destroy:redis=fail,", ",driver-destroy:redis=fail",
        "driver-destroy:redis=fail,,driver-create:vector=fail"})
    void emptyEntriesAreRejected(String spec) {
        assertThatThrownBy(() -> FaultPlan.parse(spec)).isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("empty fault");
    }

    @Test
    void badEffectsAreRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> FaultPlan.parse("driver-destroy:redis"))
                .isInstanceOf(InvalidFaultSpecException.class)
                .hasMessageContaining("'driver-destroy:redis' must be <site>:<target>=<effect>")
                .hasMessageContaining(FaultEffect.GRAMMAR);
        for (String effect : List.of("fial", "fail-times", "fail-times:0", "fail-times:-1", "fail-times:x",
                "pause:30", "pause:0s", "pause:1h", "pause:1.5s", "fail-times:9999999999", "FAIL", "")) {
            assertThatThrownBy(() -> FaultPlan.parse("driver-destroy:redis=" + effect))
                    .as(effect).isInstanceOf(InvalidFaultSpecException.class)
                    .hasMessageContaining(FaultEffect.GRAMMAR);
        }
    }

    @Test
    void effectsParseToTheirValuesAndBack() {
        assertThat(FaultEffect.parse("pause:250ms")).isEqualTo(FaultEffect.pause(Duration.ofMillis(250)));
        assertThat(FaultEffect.parse("pause:2m")).isEqualTo(FaultEffect.pause(Duration.ofMinutes(2)));
        assertThat(FaultEffect.parse("fail-times:3")).isEqualTo(FaultEffect.failTimes(3));
        assertThat(FaultEffect.pause(Duration.ofMillis(1500)).text()).isEqualTo("pause:1500ms");
        assertThat(FaultEffect.pause(Duration.ofSeconds(120)).text()).isEqualTo("pause:2m");
        assertThatThrownBy(() -> FaultEffect.pause(Duration.ofNanos(1500)))
                .isInstanceOf(InvalidFaultSpecException.class);
        assertThatThrownBy(() -> FaultEffect.failTimes(0)).isInstanceOf(InvalidFaultSpecException.class);
    }

    @Test
    void failThrowsAtItsPointOnlyNamingIt() {
        FaultPlan plan = FaultPlan.parse("driver-destroy:redis=fail");
        assertThatCode(() -> plan.reach(FaultPoint.of(Site.DRIVER_DESTROY, ResourceKind.POSTGRES)))
                .doesNotThrowAnyException();
        assertThatCode(() -> plan.reach(FaultPoint.of(Site.DRIVER_CREATE, ResourceKind.REDIS)))
                .doesNotThrowAnyException();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> plan.reach(DESTROY_REDIS)).isInstanceOf(InjectedFault.class)
                    .hasMessage("injected fault at driver-destroy:redis (armed as driver-destroy:redis=fail)")
                    .satisfies(e -> assertThat(((InjectedFault) e).point()).isEqualTo(DESTROY_REDIS));
        }
    }

    @Test
    void aWildcardNamesTheConcretePointReached() {
        FaultPlan plan = FaultPlan.parse("driver-destroy:*=fail");
        assertThatThrownBy(() -> plan.reach(DESTROY_REDIS)).isInstanceOf(InjectedFault.class)
                .hasMessage("injected fault at driver-destroy:redis (armed as driver-destroy:*=fail)");
    }

    @Test
    void failTimesFailsNTimesThenPasses() {
        FaultPlan plan = FaultPlan.parse("process-launch:apply=fail-times:2");
        assertThatThrownBy(() -> plan.reach(LAUNCH_APPLY)).hasMessageContaining("failure 1 of 2");
        assertThatCode(() -> plan.reach(new FaultPoint(Site.PROCESS_LAUNCH, "plan"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> plan.reach(LAUNCH_APPLY)).hasMessageContaining("failure 2 of 2");
        assertThatCode(() -> plan.reach(LAUNCH_APPLY)).doesNotThrowAnyException();
        assertThatCode(() -> plan.reach(LAUNCH_APPLY)).doesNotThrowAnyException();
    }

    @Test
    void eachPlanInstanceCountsItsOwnFailures() {
        String spec = "process-launch:apply=fail-times:1";
        FaultPlan first = FaultPlan.parse(spec);
        assertThatThrownBy(() -> first.reach(LAUNCH_APPLY)).isInstanceOf(InjectedFault.class);
        assertThatCode(() -> first.reach(LAUNCH_APPLY)).doesNotThrowAnyException();
        FaultPlan second = FaultPlan.parse(spec);
        assertThatThrownBy(() -> second.reach(LAUNCH_APPLY)).isInstanceOf(InjectedFault.class);
        FaultPlan extended = first.arm(CREATE_VECTOR, FaultEffect.fail());
        assertThatThrownBy(() -> extended.reach(LAUNCH_APPLY)).as("arm gives fresh counters")
                .isInstanceOf(InjectedFault.class);
    }

    @Test
    void concurrentReachesFailExactlyNTimes() throws Exception {
        FaultPlan plan = FaultPlan.parse("driver-create:*=fail-times:100");
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        try {
                            plan.reach(CREATE_VECTOR);
                        } catch (InjectedFault e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failed).hasValue(100);
    }

    @Test
    void pauseSleepsThenGoesOn() {
        FaultPlan plan = FaultPlan.parse("driver-create:vector=pause:60ms");
        long started = System.nanoTime();
        assertThatCode(() -> plan.reach(CREATE_VECTOR)).doesNotThrowAnyException();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        long other = System.nanoTime();
        plan.reach(DESTROY_REDIS);
        assertThat(Duration.ofNanos(System.nanoTime() - other)).isLessThan(Duration.ofMillis(60));
    }

    @Test
    void anInterruptedPauseGoesOnAndKeepsTheInterrupt() {
        FaultPlan plan = FaultPlan.parse("driver-create:vector=pause:10m");
        Thread.currentThread().interrupt();
        try {
            assertThatCode(() -> plan.reach(CREATE_VECTOR)).doesNotThrowAnyException();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void matchingFaultsApplyInArmingOrderUntilOneFails() {
        FaultPlan plan = FaultPlan.parse("driver-create:*=pause:30ms,driver-create:vector=fail-times:1");
        long started = System.nanoTime();
        assertThatThrownBy(() -> plan.reach(CREATE_VECTOR)).isInstanceOf(InjectedFault.class)
                .hasMessageContaining("armed as driver-create:vector=fail-times:1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThatCode(() -> plan.reach(CREATE_VECTOR)).doesNotThrowAnyException();
    }

    @Test
    void armsAnyTellsWhichSitesHaveFaults() {
        FaultPlan plan = FaultPlan.parse("journal-created:postgres=fail");
        assertThat(plan.armsAny(List.of(Site.JOURNAL_INTEND, Site.JOURNAL_CREATED))).isTrue();
        assertThat(plan.armsAny(List.of(Site.DRIVER_CREATE, Site.DRIVER_AFTER_CREATE))).isFalse();
        assertThat(plan.disarmed()).isFalse();
    }
}
