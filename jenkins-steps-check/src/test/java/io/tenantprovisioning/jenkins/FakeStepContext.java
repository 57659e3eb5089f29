package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context with a build (its environment, who started it, who answered its inputs), a captured
 * log and a local workspace; records the outcome.
 */
final class FakeStepContext extends StepContext {

    private static final long serialVersionUID = 1L;

    private final EnvVars env;
    private final transient ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final transient TaskListener listener;
    private final transient FilePath workspace;
    private final transient RecordedBuild build;
    private transient Object result;
    private transient Throwable failure;
    private int outcomes;

    FakeStepContext(Map<String, String> env, Path workspace, RecordedBuild build) {
        this.env = new EnvVars(env);
        this.build = build;
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        this.listener = () -> out;
        this.workspace = workspace == null ? null : new FilePath(workspace.toFile());
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
    public void onSuccess(Object value) {
        outcomes++;
        result = value;
    }

    @Override
    public void onFailure(Throwable t) {
        outcomes++;
        failure = t;
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    Object result() {
        return result;
    }

    Throwable failure() {
        return failure;
    }

    /** onSuccess/onFailure calls: the contract is exactly one. */
    int outcomes() {
        return outcomes;
    }
}
