package org.jenkinsci.plugins.workflow.steps;

import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/*
 * Copy of the upstream declaration named in jenkins-api-stubs/UPSTREAM.txt (compile-only, never packaged),
 * with upstream's behaviour: start() submits run() to a shared cached pool of daemon threads named
 * after this class whose context class loader cannot see the plugin (ClassLoaderSanityThreadFactory),
 * and returns false at once; the outcome reaches the context later, from that thread. stop() records
 * the cause, cancels the task (interrupting the thread) and fails the step at once; the worker goes
 * on until run() returns or throws, and a failure it throws after a stop is only added to the stop's
 * cause as suppressed. onResume() fails the step: it never survives a restart. Upstream also runs
 * run() as the user who started the step (ACL.as2); there are no users here.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    private static final long serialVersionUID = 1L;

    private static ExecutorService executorService;

    private transient volatile Future<?> task;
    private transient String threadName;
    private transient volatile Throwable stopCause;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        task = getExecutorService().submit(() -> {
            threadName = Thread.currentThread().getName();
            try {
                getContext().onSuccess(run());
            } catch (Throwable x) {
                if (stopCause == null) {
                    getContext().onFailure(x);
                } else {
                    stopCause.addSuppressed(x);
                }
            }
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (task != null) {
            stopCause = cause;
            task.cancel(true);
        }
        super.stop(cause);
    }

    @Override
    public void onResume() {
        StepContext context = getContext();
        context.onFailure(new SynchronousResumeNotSupportedException(context));
    }

    @Override
    public String getStatus() {
        return threadName != null ? "running in thread: " + threadName : "not yet scheduled";
    }

    @Override
    public boolean blocksRestart() {
        return threadName != null;
    }

    static synchronized ExecutorService getExecutorService() {
        if (executorService == null) {
            executorService = Executors.newCachedThreadPool(new NamingThreadFactory(new ClassLoaderSanityThreadFactory(
                    new DaemonThreadFactory()), "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution"));
        }
        return executorService;
    }
}
