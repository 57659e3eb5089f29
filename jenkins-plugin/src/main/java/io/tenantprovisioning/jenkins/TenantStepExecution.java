package io.tenantprovisioning.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a tenant step's work off the CPS VM thread. Like every {@link SynchronousNonBlockingStepExecution}
 * it does not survive a controller restart (the step fails and {@code post { failure }} rolls back).
 *
 * <p>Upstream's behaviour is kept on purpose: the work runs on a pool thread whose context class loader
 * is Jenkins core's (the engine does not rely on it), and an abort ({@code stop}) fails the step at
 * once and interrupts that thread. The engine then stops at its next step boundary without rolling
 * back, releases the tenant's run lock, and {@code post { aborted }}'s rollbackTenant (which waits for
 * that lock) is the one rollback; see docs/jenkins.md.
 */
final class TenantStepExecution<T> extends SynchronousNonBlockingStepExecution<T> {

    private static final long serialVersionUID = 1L;

    /** The step's work; the usual pattern holds the Step itself transiently, here its bound method. */
    @FunctionalInterface
    interface Work<T> {
        T run(StepContext context) throws Exception;
    }

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "only used by run(); a SynchronousNonBlockingStepExecution never resumes")
    private final transient Work<T> work;

    TenantStepExecution(StepContext context, Work<T> work) {
        super(context);
        this.work = work;
    }

    @Override
    protected T run() throws Exception {
        return work.run(getContext());
    }
}
