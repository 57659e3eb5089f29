package io.tenantprovisioning.cli;

import io.tenantprovisioning.progress.ProgressListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Passes progress on and measures how long each step (approve, provision, validate, ...) took. */
final class StepTimer implements ProgressListener {

    private final ProgressListener next;
    private final Map<String, Duration> durations = new LinkedHashMap<>();
    private String current;
    private long currentStart;

    StepTimer(ProgressListener next) {
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

    /** Durations so far, the running step included up to now. */
    synchronized Map<String, Duration> durations() {
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
