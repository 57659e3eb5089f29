package io.tenantprovisioning.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * What an armed fault does when its point is reached. Effects are values; the one thing that changes, how
 * often a {@link FailTimes} has failed, is counted by the {@link FaultPlan} instance that armed it.
 */
public sealed interface FaultEffect permits FaultEffect.Fail, FaultEffect.FailTimes, FaultEffect.Pause {

    /** The accepted effect spellings, for messages. */
    String GRAMMAR = "fail, fail-times:<n>, pause:<n>ms|s|m (n a whole number, at least 1)";

    /** How long reaching the point sleeps before going on (or failing). */
    Duration pause();

    /** Whether reaching the point fails, given how often this armed fault has failed before. */
    boolean failsAfter(int failuresSoFar);

    /** The spec spelling: {@code fail}, {@code fail-times:2}, {@code pause:30s}. */
    String text();

    static FaultEffect fail() {
        return new Fail();
    }

    static FaultEffect failTimes(int times) {
        return new FailTimes(times);
    }

    static FaultEffect pause(Duration duration) {
        return new Pause(duration);
    }

    /** Parses an effect; throws {@link InvalidFaultSpecException} quoting it and listing {@link #GRAMMAR}. */
    static FaultEffect parse(String text) {
        return EffectSpelling.parse(text == null ? "" : text.trim());
    }

    /** Throws {@link InjectedFault} every time. */
    record Fail() implements FaultEffect {
        @Override
        public Duration pause() {
            return Duration.ZERO;
        }

        @Override
        public boolean failsAfter(int failuresSoFar) {
            return true;
        }

        @Override
        public String text() {
            return "fail";
        }
    }

    /** Fails the first {@code times} reaches, then lets every later one through (a retry completes). */
    record FailTimes(int times) implements FaultEffect {
        public FailTimes {
            if (times < 1) {
                throw new InvalidFaultSpecException("fail-times needs at least 1 failure, not " + times);
            }
        }

        @Override
        public Duration pause() {
            return Duration.ZERO;
        }

        @Override
        public boolean failsAfter(int failuresSoFar) {
            return failuresSoFar < times;
        }

        @Override
        public String text() {
            return "fail-times:" + times;
        }
    }

    /** Sleeps, then goes on: holds a process at a known point long enough to kill -9 it. */
    record Pause(Duration duration) implements FaultEffect {
        public Pause {
            Objects.requireNonNull(duration, "duration");
            if (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.getNano() % 1_000_000 != 0) {
                throw new InvalidFaultSpecException("a pause must be whole milliseconds, at least 1 ms, not "
                        + duration);
            }
        }

        @Override
        public Duration pause() {
            return duration;
        }

        @Override
        public boolean failsAfter(int failuresSoFar) {
            return false;
        }

        @Override
        public String text() {
            if (duration.toMillis() % 60_000 == 0) {
                return "pause:" + duration.toMinutes() + "m";
            }
            return duration.toMillis() % 1_000 == 0 ? "pause:" + duration.toSeconds() + "s"
                    : "pause:" + duration.toMillis() + "ms";
        }
    }
}
