package io.tenantprovisioning.engine;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * The test hook TENANTCTL_FAIL_AT=&lt;step&gt;: reaching that step throws {@link InjectedFailure}, so
 * every step's rollback path can be exercised on real services. Step names: provision, configure,
 * validate, activate, one per driver (postgres, redis, object-store, vector, monitoring,
 * signing-key), which fire after that driver's intent is journalled and before it creates anything,
 * and one per kind's configure phase ({@code configure-<kind>}, see ResourceKind#configureStepName); a change of a
 * serving tenant reaches {@code update} and {@code update-<kind>} (then restores the previous configuration).
 *
 * <p>Its sibling TENANTCTL_PAUSE_AT=&lt;step&gt;[:&lt;seconds&gt;] (default 60 s) makes that step sleep first
 * (then go on), so a test can kill -9 the process at a known point mid-provision and prove that
 * {@code tenantctl rollback} cleans up after it. Read from the environment only; never active unless set.
 */
public final class FailurePoints {

    /** The environment variable of the pause hook. */
    public static final String PAUSE_AT = "TENANTCTL_PAUSE_AT";
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(60);

    private final String failAt;
    private final String pauseAt;
    private final Duration pause;

    private FailurePoints(String failAt, String pauseAt, Duration pause) {
        this.failAt = failAt;
        this.pauseAt = pauseAt;
        this.pause = pause;
    }

    public static FailurePoints none() {
        return new FailurePoints(null, null, Duration.ZERO);
    }

    public static FailurePoints at(String step) {
        return new FailurePoints(step, null, Duration.ZERO);
    }

    public static FailurePoints from(Settings settings) {
        return of(settings.optional(Setting.TENANTCTL_FAIL_AT).map(String::trim).orElse(null),
                settings.optional(Setting.TENANTCTL_PAUSE_AT).orElse(null));
    }

    /** @param pauseSpec the value of {@value #PAUSE_AT}, or null */
    static FailurePoints of(String failAt, String pauseSpec) {
        if (pauseSpec == null || pauseSpec.isBlank()) {
            return new FailurePoints(failAt, null, Duration.ZERO);
        }
        String[] parts = pauseSpec.trim().split(":", 2);
        return new FailurePoints(failAt, parts[0], parts.length == 1 ? DEFAULT_PAUSE : seconds(pauseSpec, parts[1]));
    }

    private static Duration seconds(String spec, String text) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(PAUSE_AT + "='" + spec + "' must be <step> or <step>:<seconds>");
    }

    public Optional<String> armedStep() {
        return Optional.ofNullable(failAt);
    }

    /** How long reaching {@code step} sleeps (zero unless TENANTCTL_PAUSE_AT names it). */
    Duration pauseAt(String step) {
        return step.equals(pauseAt) ? pause : Duration.ZERO;
    }

    public void reach(String step) {
        Duration sleep = pauseAt(step);
        if (!sleep.isZero()) {
            try {
                Thread.sleep(sleep.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (step.equals(failAt)) {
            throw new InjectedFailure(step);
        }
    }

    /** Thrown at the armed step. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String step) {
            super("injected failure at step '" + step + "' (TENANTCTL_FAIL_AT)");
        }
    }
}
