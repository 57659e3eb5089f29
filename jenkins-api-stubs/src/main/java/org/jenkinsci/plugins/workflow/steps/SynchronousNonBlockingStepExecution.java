package org.jenkinsci.plugins.workflow.steps;

/*
 * Compile-only stub: real signature. Unlike the real class (which submits run() to a cached thread
 * pool as the authenticated user), start() runs run() on the calling thread so glue tests are
 * deterministic; both report through onSuccess/onFailure and return false.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        try {
            getContext().onSuccess(run());
        } catch (Throwable x) {
            getContext().onFailure(x);
        }
        return false;
    }
}
