package io.tenantprovisioning.jenkins;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context as Pipeline's behaves where the steps can tell: it hands out the build's EnvVars,
 * TaskListener and workspace, and the build itself ({@link Run}: who started it, who answered its
 * inputs) when the test gives one; the first onSuccess/onFailure is the step's outcome and later ones are
 * ignored but counted (Pipeline's context logs "already completed" and drops them); the outcome
 * arrives from whatever thread the execution runs on, so callers wait for it. No body, as no tenant
 * step takes one.
 */
abstract class RecordingStepContext extends StepContext {

    private static final long serialVersionUID = 1L;

    private final EnvVars env;
    private final transient TaskListener listener;
    private final transient FilePath workspace;
    private final transient Run<?, ?> build;
    private final transient CountDownLatch reported = new CountDownLatch(1);
    private final transient AtomicInteger reports = new AtomicInteger();
    private transient volatile Object value;
    private transient volatile Throwable failure;
    private transient volatile Result result;

    RecordingStepContext(EnvVars env, TaskListener listener, FilePath workspace) {
        this(env, listener, workspace, null);
    }

    /** A context whose build is {@code build} (null: the context has no Run to hand out). */
    RecordingStepContext(EnvVars env, TaskListener listener, FilePath workspace, Run<?, ?> build) {
        this.env = env;
        this.listener = listener;
        this.workspace = workspace;
        this.build = build;
    }

    @Override
    public <T> T get(Class<T> key) {
        if (key == EnvVars.class) {
            return key.cast(env);
        }
        if (key == TaskListener.class) {
            return key.cast(listener);
        }
        if (key == FilePath.class) {
            return key.cast(workspace);
        }
        if (key == Run.class) {
            return key.cast(build);
        }
        return null;
    }

    @Override
    public void onSuccess(Object outcome) {
        if (reports.getAndIncrement() == 0) {
            value = outcome;
            reported.countDown();
        }
    }

    @Override
    public void onFailure(Throwable t) {
        if (reports.getAndIncrement() == 0) {
            failure = t;
            reported.countDown();
        }
    }

    /** Waits for the step's outcome; false when none came in time. */
    boolean awaitOutcome(Duration timeout) throws InterruptedException {
        return reported.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** onSuccess/onFailure calls so far: the first counts, any other is a late one Pipeline drops. */
    int outcomes() {
        return reports.get();
    }

    Object result() {
        return value;
    }

    Throwable failure() {
        return failure;
    }

    /** What setResult asked for, if anything. */
    Result buildResult() {
        return result;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        result = r;
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("this step was not called with a body");
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
