package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ValidationSuiteTest {

    private final TenantAccess tenant = TestTenants.access(Slug.of("suite-test"));
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    /** A check defined by a lambda, for driving the suite. */
    record FakeCheck(String id, Duration timeout, boolean critical, Body body) implements ValidationCheck {
        interface Body {
            CheckOutcome run(TenantAccess tenant) throws Exception;
        }

        @Override
        public String displayName() {
            return "Check " + id;
        }

        @Override
        public CheckOutcome run(TenantAccess tenant) throws Exception {
            return body.run(tenant);
        }
    }

    private static FakeCheck check(String id, boolean critical, FakeCheck.Body body) {
        return new FakeCheck(id, Duration.ofSeconds(10), critical, body);
    }

    private ValidationReport run(Duration budget, ValidationCheck... checks) {
        return new ValidationSuite(List.of(checks), budget).run(tenant, (step, message) -> progress.add(message));
    }

    @Test
    void passingChecksGiveAPassedReportWithTimesAndProgress() {
        ValidationReport report = run(Duration.ofSeconds(30),
                check("db", true, t -> new CheckOutcome.Passed("connected as " + t.slug(), "3 ms")),
                check("tags", false, t -> new CheckOutcome.Passed("ok", null)));

        assertThat(report.passed()).isTrue();
        assertThat(report.slug()).isEqualTo("suite-test");
        assertThat(report.tier()).isEqualTo("Gold");
        assertThat(report.results()).extracting(CheckResult::status).containsExactly("PASSED", "PASSED");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.elapsed().isNegative()).isFalse());
        assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
        assertThat(report.results().get(0).outcome().message()).isEqualTo("connected as suite-test");
        assertThat(progress).anyMatch(line -> line.matches("check 1/2 db … PASSED in \\d+\\.\\d s \\(3 ms\\)"));
        assertThat(progress).anyMatch(line -> line.startsWith("check 2/2 tags … PASSED in "));
    }

    @Test
    void anExceptionBecomesAFailureWithClassAndMessageButNoStackTrace() {
        ValidationReport report = run(Duration.ofSeconds(30),
                check("jwt", true, t -> {
                    throw new IllegalStateException("signing key not found", new java.io.IOException("disk gone"));
                }),
                check("after", true, t -> new CheckOutcome.Passed("still ran", null)));

        CheckResult jwt = report.results().get(0);
        assertThat(jwt.status()).isEqualTo("FAILED");
        assertThat(jwt.outcome().message())
                .isEqualTo("IllegalStateException: signing key not found (caused by IOException: disk gone)")
                .doesNotContain("\tat ", "ValidationSuite");
        assertThat(report.results().get(1).status()).isEqualTo("PASSED");
        assertThat(report.passed()).isFalse();
        assertThat(report.blockingFailures())
                .containsExactly("jwt: FAILED — IllegalStateException: signing key not found (caused by IOException: disk gone)");
        assertThat(progress).anyMatch(line -> line.startsWith("check 1/2 jwt … FAILED in ")
                && line.endsWith("— IllegalStateException: signing key not found (caused by IOException: disk gone)"));
    }

    @Test
    void aNonCriticalFailureIsDowngradedToAWarningAndDoesNotBlock() {
        ValidationReport report = run(Duration.ofSeconds(30),
                check("object-store", false, t -> new CheckOutcome.Failed("put denied", "0/4 operations")),
                check("metrics", false, t -> {
                    throw new IllegalArgumentException("no target file");
                }));

        assertThat(report.results()).extracting(CheckResult::status).containsExactly("WARNING", "WARNING");
        CheckOutcome.Warning warning = (CheckOutcome.Warning) report.results().get(0).outcome();
        assertThat(warning.message()).isEqualTo("put denied");
        assertThat(warning.figure()).isEqualTo("0/4 operations");
        assertThat(report.passed()).isTrue();
        assertThat(report.count("WARNING")).isEqualTo(2);
    }

    @Test
    void aCheckPastItsTimeoutIsInterruptedAndTheSuiteMovesOn() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        ValidationReport report = run(Duration.ofSeconds(30),
                new FakeCheck("slow", Duration.ofMillis(200), true, t -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return new CheckOutcome.Passed("never", null);
                }),
                check("next", true, t -> new CheckOutcome.Passed("ran", null)));

        assertThat(report.results()).extracting(CheckResult::status).containsExactly("TIMED_OUT", "PASSED");
        assertThat(report.results().get(0).outcome()).isEqualTo(new CheckOutcome.TimedOut(Duration.ofMillis(200)));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the slow check was interrupted").isTrue();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aCheckThatIgnoresInterruptionStillTimesOut() {
        AtomicBoolean release = new AtomicBoolean();
        try {
            ValidationReport report = run(Duration.ofSeconds(30),
                    new FakeCheck("stubborn", Duration.ofMillis(200), false, t -> {
                        while (!release.get()) {
                            Thread.onSpinWait();
                        }
                        return new CheckOutcome.Passed("late", null);
                    }),
                    check("next", true, t -> new CheckOutcome.Passed("ran", null)));
            assertThat(report.results()).extracting(CheckResult::status).containsExactly("TIMED_OUT", "PASSED");
            assertThat(report.passed()).as("a non-critical timeout does not block").isTrue();
        } finally {
            release.set(true);
        }
    }

    @Test
    void checksThatCannotStartWithinTheSuiteBudgetAreSkippedWithTheReason() {
        ValidationReport report = run(Duration.ofMillis(300),
                new FakeCheck("hog", Duration.ofSeconds(60), true, t -> {
                    Thread.sleep(60_000);
                    return new CheckOutcome.Passed("never", null);
                }),
                check("vector-search", true, t -> new CheckOutcome.Passed("never runs", null)),
                check("cost-tags", false, t -> new CheckOutcome.Passed("never runs", null)));

        assertThat(report.results()).extracting(CheckResult::status).containsExactly("TIMED_OUT", "SKIPPED", "SKIPPED");
        CheckOutcome.TimedOut timedOut = (CheckOutcome.TimedOut) report.results().get(0).outcome();
        assertThat(timedOut.limit()).as("bounded by the budget, not the check's 60 s").isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(report.results().get(1).outcome().message())
                .isEqualTo("the suite's time budget of 0.3 s (VALIDATION_TIMEOUT_SECONDS) was spent before this check started");
        assertThat(report.results().get(2).elapsed()).isZero();
        assertThat(report.passed()).isFalse();
        assertThat(report.blockingFailures()).hasSize(2);
    }

    @Test
    void aCheckReturningNothingFails() {
        ValidationReport report = run(Duration.ofSeconds(30), check("null", true, t -> null));
        assertThat(report.results().get(0).outcome()).isEqualTo(new CheckOutcome.Failed("the check returned no outcome", null));
    }

    @Test
    void countsCoverEveryStatus() {
        ValidationReport report = run(Duration.ofSeconds(30),
                check("a", true, t -> new CheckOutcome.Passed("ok", null)),
                check("b", true, t -> new CheckOutcome.Failed("bad", null)),
                check("c", false, t -> new CheckOutcome.Warning("meh", null)),
                check("d", false, t -> new CheckOutcome.Skipped("PROMETHEUS_URL not set")));
        assertThat(report.counts()).containsExactly(Map.entry("PASSED", 1), Map.entry("FAILED", 1),
                Map.entry("WARNING", 1), Map.entry("TIMED_OUT", 0), Map.entry("SKIPPED", 1));
        assertThat(report.verdict()).isEqualTo("FAILED");
    }

    @Test
    void noSecretOrStackTraceReachesProgressOrAnyReport() {
        String password = "pg-Pa55word-xyz";
        TenantAccess withSecrets = TestTenants.access(Slug.of("suite-test"), Map.of("postgres.role", "t_suite_test"),
                Map.of("postgres.password", io.tenantprovisioning.config.Secret.of(password)));
        ValidationReport report = new ValidationSuite(List.of(
                check("db", true, t -> {
                    throw new java.sql.SQLException("login failed for " + t.attribute("postgres.role").orElseThrow()
                            + " with " + t.secret("postgres.password").orElseThrow());
                })), Duration.ofSeconds(30)).run(withSecrets, (step, message) -> progress.add(message));

        io.tenantprovisioning.validation.report.ValidationRun run = io.tenantprovisioning.validation.report.Reports.toRun(report);
        String everything = String.join("\n", progress) + run.junitXml() + run.html() + run.json() + run.consoleTable()
                + report + withSecrets;
        assertThat(everything).contains("SQLException: login failed for t_suite_test with ****")
                .doesNotContain(password).doesNotContain("\tat ").doesNotContain("at io.tenantprovisioning");
    }

    @Test
    void rejectsDuplicateIdsAndNonPositiveTimeouts() {
        FakeCheck a = check("same", true, t -> null);
        assertThatThrownBy(() -> new ValidationSuite(List.of(a, a), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'same'");
        FakeCheck zero = new FakeCheck("zero", Duration.ZERO, true, t -> null);
        assertThatThrownBy(() -> new ValidationSuite(List.of(zero), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout of check 'zero'");
    }

    @Test
    void budgetComesFromValidationTimeoutSeconds() {
        assertThat(ValidationSuite.fromSettings(List.of(), Settings.of(Map.of())).budget())
                .isEqualTo(Duration.ofSeconds(300));
        assertThat(ValidationSuite.fromSettings(List.of(), Settings.of(Map.of(Setting.VALIDATION_TIMEOUT_SECONDS, "42")))
                .budget()).isEqualTo(Duration.ofSeconds(42));
        assertThatThrownBy(() -> ValidationSuite.fromSettings(List.of(),
                Settings.of(Map.of(Setting.VALIDATION_TIMEOUT_SECONDS, "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("VALIDATION_TIMEOUT_SECONDS");
    }

    private ValidationReport runParallel(int parallelism, Duration budget, ValidationCheck... checks) {
        return new ValidationSuite(List.of(checks), budget, parallelism, java.time.Clock.systemUTC())
                .run(tenant, (step, message) -> progress.add(message));
    }

    @Test
    void checksRunAtOnceUpToTheBoundAndTheReportKeepsTheirOrder() {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<ValidationCheck> checks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            checks.add(check("c" + i, true, t -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(300);
                running.decrementAndGet();
                return new CheckOutcome.Passed("ok", null);
            }));
        }
        long start = System.nanoTime();
        ValidationReport report = runParallel(4, Duration.ofSeconds(30), checks.toArray(ValidationCheck[]::new));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.results()).extracting(CheckResult::checkId)
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
        assertThat(report.passed()).isTrue();
        assertThat(most.get()).as("never more than the bound at once").isEqualTo(4);
        // eight 300 ms checks one after another take 2.4 s; four at a time, two rounds
        assertThat(elapsed).isLessThan(Duration.ofMillis(2000));
        assertThat(progress).anyMatch(line -> line.contains("8 checks, 4 at a time"));
    }

    @Test
    void concurrentChecksAreEachBoundByTheirOwnTimeout() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        ValidationReport report = runParallel(4, Duration.ofSeconds(30),
                new FakeCheck("slow", Duration.ofMillis(200), true, t -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return new CheckOutcome.Passed("never", null);
                }),
                new FakeCheck("steady", Duration.ofSeconds(5), true, t -> {
                    Thread.sleep(600);
                    return new CheckOutcome.Passed("ran past the other's limit", null);
                }));

        assertThat(report.results()).extracting(CheckResult::status).containsExactly("TIMED_OUT", "PASSED");
        assertThat(report.results().get(0).outcome()).isEqualTo(new CheckOutcome.TimedOut(Duration.ofMillis(200)));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the slow check was interrupted").isTrue();
    }

    @Test
    void queuedChecksThatCannotStartWithinTheBudgetAreSkippedWhenThePoolIsFull() {
        ValidationReport report = runParallel(2, Duration.ofMillis(400),
                new FakeCheck("hog-1", Duration.ofSeconds(60), true, t -> {
                    Thread.sleep(60_000);
                    return new CheckOutcome.Passed("never", null);
                }),
                new FakeCheck("hog-2", Duration.ofSeconds(60), true, t -> {
                    Thread.sleep(60_000);
                    return new CheckOutcome.Passed("never", null);
                }),
                check("queued", true, t -> new CheckOutcome.Passed("never runs", null)));

        assertThat(report.results()).extracting(CheckResult::status).containsExactly("TIMED_OUT", "TIMED_OUT", "SKIPPED");
        assertThat(report.results().get(2).outcome().message()).contains("was spent before this check started");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void parallelismBelowOneIsRefusedAndSettingsRunFourAtATime() {
        assertThatThrownBy(() -> new ValidationSuite(List.of(), Duration.ofSeconds(1), 0, java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be at least 1");
        assertThat(ValidationSuite.fromSettings(List.of(), Settings.of(Map.of())).parallelism()).isEqualTo(4);
    }
}
