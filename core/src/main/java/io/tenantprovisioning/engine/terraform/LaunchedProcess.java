package io.tenantprovisioning.engine.terraform;

import java.io.InputStream;
import java.time.Duration;

/** A started process, as {@link ProcessLauncher} hands it back. */
public interface LaunchedProcess {

    InputStream stdout();

    InputStream stderr();

    /** Waits up to {@code timeout}; true when the process has exited. */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /** The exit status; only valid after {@link #waitFor} returned true. */
    int exitCode();

    /**
     * Asks the process to stop (SIGTERM for a local process). OpenTofu/Terraform treat it like Ctrl-C:
     * they finish or cancel the running operation, persist state and release the lock.
     */
    void requestStop();

    /** Kills the process (SIGKILL for a local process): last resort, state may be left behind. */
    void kill();
}
