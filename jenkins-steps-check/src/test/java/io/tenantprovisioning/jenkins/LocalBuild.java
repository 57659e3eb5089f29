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
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One build for running the plugin's real steps outside Jenkins against the real engine (the shared
 * library's tests call the steps through it): the build's environment, one log that every step of
 * the build writes to, and a workspace folder. Unlike {@link StepRunner} it installs no recorded
 * engine, so each step opens core's engine from the settings in the environment, as in Jenkins.
 */
public final class LocalBuild {

    private final Map<String, String> env;
    private final FilePath workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final TaskListener listener = () -> logStream;
    private final RecordedBuild build;

    /** A build no person started (a timer); see {@link #LocalBuild(Map, Path, RecordedBuild)}. */
    public LocalBuild(Map<String, String> env, Path workspace) {
        this(env, workspace, RecordedBuild.startedByTimer());
    }

    /** A build with what Jenkins recorded about it: who started it, who answers its inputs. */
    public LocalBuild(Map<String, String> env, Path workspace, RecordedBuild build) {
        this.env = Map.copyOf(env);
        this.workspace = new FilePath(workspace.toFile());
        this.build = build;
    }

    /** What Jenkins recorded about the build; a test plays Jenkins' input step through it. */
    public RecordedBuild recorded() {
        return build;
    }

    /** Runs a step with the build's environment; see {@link #run(Step, Map)}. */
    public Object run(Step step) throws Exception {
        return run(step, Map.of());
    }

    /**
     * Runs a step the way Pipeline does (start, then the execution's start) with the build's
     * environment plus {@code stepEnv} (as inside {@code withEnv}), and returns its value or throws its
     * failure, as the step call in a pipeline script does.
     */
    public Object run(Step step, Map<String, String> stepEnv) throws Exception {
        EnvVars vars = new EnvVars(env);
        vars.putAll(stepEnv);
        Outcome outcome = new Outcome(vars, listener, workspace, build);
        step.start(outcome).start();
        return outcome.valueOrThrow();
    }

    /** Everything the steps of this build wrote to its log so far. */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** One step call's context: what the step may ask for, and the one outcome it reports. */
    private static final class Outcome extends StepContext {

        private static final long serialVersionUID = 1L;

        private final EnvVars env;
        private final transient TaskListener listener;
        private final transient FilePath workspace;
        private final transient RecordedBuild build;
        private transient Object value;
        private transient Throwable failure;
        private int reports;

        Outcome(EnvVars env, TaskListener listener, FilePath workspace, RecordedBuild build) {
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
        public void onSuccess(Object result) {
            reports++;
            value = result;
        }

        @Override
        public void onFailure(Throwable t) {
            reports++;
            failure = t;
        }

        Object valueOrThrow() throws Exception {
            // the step contract is exactly one report; anything else is a bug in the step, not an outcome
            if (reports != 1) {
                throw new IllegalStateException("the step reported " + reports + " outcomes instead of one");
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }
}
