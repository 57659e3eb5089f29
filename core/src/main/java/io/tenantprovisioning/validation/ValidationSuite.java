package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.resource.TenantAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the validation checks for one tenant, up to {@code parallelism} at once (a bounded pool; the
 * report keeps the checks' order), each on a worker thread bounded by its own timeout and by what is
 * left of the suite's budget (VALIDATION_TIMEOUT_SECONDS) when it starts.
 *
 * <p>A check never breaks the suite: an exception becomes FAILED with the exception's class and
 * message (no stack trace), a check past its limit is interrupted and becomes TIMED_OUT, and checks
 * that could not start because the budget was spent are SKIPPED with that reason. A non-critical
 * check's FAILED is reported as WARNING.
 */
public final class ValidationSuite {

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(300);
    /** The eight checks mostly wait on services; all of them at once would let one starve the others' CPU on 2 cores. */
    public static final int DEFAULT_PARALLELISM = 4;
    static final String PROGRESS_STEP = "validate";

    private final List<ValidationCheck> checks;
    private final Duration budget;
    private final int parallelism;
    private final Clock clock;

    /** One check at a time, in order: for callers that need the checks not to overlap. */
    public ValidationSuite(List<ValidationCheck> checks, Duration budget) {
        this(checks, budget, 1, Clock.systemUTC());
    }

    /**
     * @param parallelism how many checks run at once (a bounded pool); each is still bounded by its own
     *                    timeout and by what is left of the budget when it starts
     */
    public ValidationSuite(List<ValidationCheck> checks, Duration budget, int parallelism, Clock clock) {
        this.checks = List.copyOf(checks);
        this.budget = requirePositive(budget, "suite budget");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.clock = clock;
        Set<String> ids = new HashSet<>();
        for (ValidationCheck check : this.checks) {
            if (!ids.add(check.id())) {
                throw new IllegalArgumentException("two validation checks share the id '" + check.id() + "'");
            }
            requirePositive(check.timeout(), "timeout of check '" + check.id() + "'");
        }
    }

    /** The suite bounded by VALIDATION_TIMEOUT_SECONDS (default 300). */
    public static ValidationSuite fromSettings(List<ValidationCheck> checks, Settings settings) {
        long seconds = settings.longValue(Setting.VALIDATION_TIMEOUT_SECONDS);
        if (seconds <= 0) {
            throw new ConfigurationException("VALIDATION_TIMEOUT_SECONDS must be positive, got " + seconds);
        }
        return new ValidationSuite(checks, Duration.ofSeconds(seconds), DEFAULT_PARALLELISM, Clock.systemUTC());
    }

    public List<ValidationCheck> checks() {
        return checks;
    }

    public Duration budget() {
        return budget;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Runs every check against the tenant; never throws because of a check. */
    public ValidationReport run(TenantAccess tenant, ProgressListener progress) {
        String slug = tenant.slug().value();
        Instant started = clock.instant();
        progress.event(PROGRESS_STEP, "validating " + slug + ": " + checks.size() + " checks, " + parallelism
                + " at a time, budget " + limitText(budget));
        long deadline = System.nanoTime() + budget.toNanos();
        List<CheckResult> results = new ArrayList<>();
        // the checks themselves run on the runners; a slot of the bounded pool waits for each one's limit
        ExecutorService runners = Executors.newCachedThreadPool(workerThreads("validate-" + slug + "-"));
        ExecutorService slots = Executors.newFixedThreadPool(parallelism, workerThreads("validate-slot-" + slug + "-"));
        try {
            List<Future<CheckResult>> pending = new ArrayList<>();
            for (ValidationCheck check : checks) {
                pending.add(slots.submit(() -> runOrSkip(check, tenant, runners, deadline - System.nanoTime())));
            }
            for (int i = 0; i < checks.size(); i++) {
                CheckResult result = collect(checks.get(i), pending.get(i));
                results.add(result);
                progress.event(PROGRESS_STEP, progressLine(i + 1, checks.size(), result));
            }
        } finally {
            // interrupts any check still running past its limit
            slots.shutdownNow();
            runners.shutdownNow();
        }
        ValidationReport report = new ValidationReport(slug, tierOf(tenant), started, clock.instant(), results);
        progress.event(PROGRESS_STEP, slug + ": " + report.verdict() + " — " + report.count("PASSED") + "/"
                + results.size() + " checks passed in " + seconds(report.elapsed()));
        return report;
    }

    /** A slot's result: every slot is bounded by its check's limit, so this wait ends. */
    private CheckResult collect(ValidationCheck check, Future<CheckResult> slot) {
        if (Thread.currentThread().isInterrupted()) {
            slot.cancel(true);
            return result(check, new CheckOutcome.Skipped("validation was interrupted before this check started"),
                    Duration.ZERO);
        }
        try {
            return slot.get();
        } catch (InterruptedException e) {
            slot.cancel(true);
            Thread.currentThread().interrupt();
            return result(check, new CheckOutcome.Skipped("validation was interrupted while this check ran"),
                    Duration.ZERO);
        } catch (ExecutionException e) {
            return result(check, new CheckOutcome.Failed(describe(e.getCause()), null), Duration.ZERO);
        } catch (java.util.concurrent.CancellationException e) {
            return result(check, new CheckOutcome.Skipped("validation was interrupted before this check started"),
                    Duration.ZERO);
        }
    }

    private CheckResult runOrSkip(ValidationCheck check, TenantAccess tenant, ExecutorService executor,
                                  long remainingNanos) {
        if (Thread.currentThread().isInterrupted()) {
            return result(check, new CheckOutcome.Skipped("validation was interrupted before this check started"),
                    Duration.ZERO);
        }
        if (remainingNanos <= 0) {
            return result(check, new CheckOutcome.Skipped("the suite's time budget of " + limitText(budget)
                    + " (VALIDATION_TIMEOUT_SECONDS) was spent before this check started"), Duration.ZERO);
        }
        Duration limit = check.timeout().compareTo(Duration.ofNanos(remainingNanos)) <= 0
                ? check.timeout() : Duration.ofNanos(remainingNanos);
        return runBounded(check, tenant, executor, limit);
    }

    private CheckResult runBounded(ValidationCheck check, TenantAccess tenant, ExecutorService executor,
                                   Duration limit) {
        long start = System.nanoTime();
        Future<CheckOutcome> future = executor.submit(() -> check.run(tenant));
        CheckOutcome outcome;
        try {
            outcome = future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            if (outcome == null) {
                outcome = new CheckOutcome.Failed("the check returned no outcome", null);
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            outcome = new CheckOutcome.TimedOut(limit);
        } catch (ExecutionException e) {
            outcome = new CheckOutcome.Failed(describe(e.getCause()), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            outcome = new CheckOutcome.Skipped("validation was interrupted while this check ran");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return result(check, downgrade(check, outcome), elapsed);
    }

    /** A non-critical check's failure does not block activation: it is reported as a warning. */
    private static CheckOutcome downgrade(ValidationCheck check, CheckOutcome outcome) {
        if (!check.critical() && outcome instanceof CheckOutcome.Failed) {
            CheckOutcome.Failed failed = (CheckOutcome.Failed) outcome;
            return new CheckOutcome.Warning(failed.message(), failed.figure());
        }
        return outcome;
    }

    private static CheckResult result(ValidationCheck check, CheckOutcome outcome, Duration elapsed) {
        return new CheckResult(check.id(), check.displayName(), check.critical(), outcome, elapsed);
    }

    /** "IllegalStateException: message (caused by IOException: message)" — never a stack trace. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(oneLine(error));
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            text.append(" (caused by ").append(oneLine(cause)).append(')');
        }
        return text.toString();
    }

    private static String oneLine(Throwable error) {
        String name = error.getClass().getSimpleName();
        String message = error.getMessage();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String progressLine(int index, int total, CheckResult result) {
        String line = "check " + index + "/" + total + " " + result.checkId() + " … " + result.status() + " in "
                + seconds(result.elapsed());
        if (result.outcome() instanceof CheckOutcome.Passed) {
            String figure = ((CheckOutcome.Passed) result.outcome()).figure();
            return figure == null ? line : line + " (" + figure + ")";
        }
        return line + " — " + result.outcome().message();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    /** "300 s", or "0.3 s" for budgets that are not whole seconds (tests). */
    private static String limitText(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : seconds(limit);
    }

    private static String tierOf(TenantAccess tenant) {
        return tenant.tierConfig() == null ? "unknown" : tenant.tierConfig().tier().displayName();
    }

    private static Duration requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + duration);
        }
        return duration;
    }

    private static ThreadFactory workerThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            // a check that ignores interruption must not keep the JVM (CLI, Jenkins agent) alive
            thread.setDaemon(true);
            return thread;
        };
    }
}
