package io.tenantprovisioning.cli;

import io.tenantprovisioning.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress on stderr, so stdout stays clean for results and --json. Every line carries the
 * elapsed time and the step; on a terminal the step is highlighted, in a Jenkins log (no
 * terminal) lines stay plain.
 */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forProcess(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null && System.getenv("NO_COLOR") == null);
    }

    @Override
    public synchronized void event(String step, String message) {
        double seconds = (System.nanoTime() - started) / 1e9;
        String label = terminal ? "\u001b[1m" + step + "\u001b[0m" : step;
        err.printf("[%6.1fs] %-10s %s%n", seconds, label, message);
        err.flush();
    }
}
