package io.tenantprovisioning.progress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes progress on and measures how long each step (approve, provision, validate, ...) took: a step
 * lasts from its first event until the first event of another step.
 */
public final class StepTimer implements ProgressListener {

    private final ProgressListener next;
    private final Map<String, Duration> durations = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    public StepTimer(ProgressListener next) {
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

    /** Every step's total time so far (the running step up to now), in the order the steps first ran. */
    public synchronized Map<String, Duration> durations() {
        close(System.nanoTime());
        return new LinkedHashMap<>(durations);
    }

    private void close(long now) {
        if (current != null) {
            durations.merge(current, Duration.ofNanos(now - currentStart), Duration::plus);
            currentStart = now;
        }
    }
}
