package io.tenantprovisioning.engine.terraform;

import java.time.Duration;
import java.util.List;

/**
 * A command ran past its timeout. The runner first asked it to stop (SIGTERM, which OpenTofu and
 * Terraform treat like Ctrl-C: finish the running step, write state, release the lock) and only
 * killed it when the grace period ran out too.
 */
public final class TerraformTimeoutException extends TerraformException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final Duration timeout;
    private final boolean stoppedGracefully;
    private final List<String> inProgress;

    public TerraformTimeoutException(String command, Duration timeout, boolean stoppedGracefully,
                                     List<String> inProgress, String stderr) {
        super(TerraformErrorCode.TIMEOUT, "'" + command + "' did not finish within " + timeout.toSeconds() + " s"
                + (inProgress.isEmpty() ? "" : " (still in progress: " + String.join(", ", inProgress) + ")") + "; "
                + (stoppedGracefully ? "it was stopped gracefully (state written, lock released)"
                        : "it ignored the stop request and was killed: the state may lag behind reality "
                                + "and the lock may still be held until its backend session ends"),
                List.of(), stderr);
        this.command = command;
        this.timeout = timeout;
        this.stoppedGracefully = stoppedGracefully;
        this.inProgress = List.copyOf(inProgress);
    }

    /** The resources the command had started and not finished when it was stopped (a hung provider's). */
    public List<String> inProgress() {
        return inProgress;
    }

    public String command() {
        return command;
    }

    public Duration timeout() {
        return timeout;
    }

    /** True when the process exited after the stop request, false when it had to be killed. */
    public boolean stoppedGracefully() {
        return stoppedGracefully;
    }
}
