package io.tenantprovisioning.bench;

import io.tenantprovisioning.progress.ProgressListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times each step from the progress events, as {@code tenantctl}'s step timer does: a step lasts from
 * its first event until the first event of another step (or until {@link #stop()}). Passes events on.
 */
final class StepClock implements ProgressListener {

    private final ProgressListener next;
    private final Map<String, Duration> durations = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    StepClock(ProgressListener next) {
        this.next = next;
    }

    @Override
    public synchronized void event(String step, String message) {
        long now = System.nanoTime();
        if (!step.equals(current)) {
            close(now);
            current = step;
            currentStart = now;
        }
        next.event(step, message);
    }

    /** Ends the running step now; returns every step's total time in the order the steps first ran. */
    synchronized Map<String, Duration> stop() {
        close(System.nanoTime());
        current = null;
        return new LinkedHashMap<>(durations);
    }

    private void close(long now) {
        if (current != null) {
            durations.merge(current, Duration.ofNanos(now - currentStart), Duration::plus);
            currentStart = now;
        }
    }
}
