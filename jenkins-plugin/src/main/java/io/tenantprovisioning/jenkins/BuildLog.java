package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.progress.ProgressListener;
import java.io.PrintStream;

/** The engine's progress written to the build's {@code TaskListener} log, secrets masked. */
public final class BuildLog implements ProgressListener {

    private final PrintStream out;
    private final SecretMask mask;

    public BuildLog(PrintStream out, SecretMask mask) {
        this.out = out;
        this.mask = mask;
    }

    @Override
    public void event(String step, String message) {
        out.println(mask.apply("[tenant-provisioning] " + step + ": " + message));
    }

    /** A line of the step's own, e.g. the validation table. */
    public void line(String text) {
        out.println(mask.apply(text));
    }
}
