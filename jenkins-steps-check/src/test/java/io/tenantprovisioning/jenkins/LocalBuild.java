package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.EnumMap;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * One build for running the plugin's real steps outside Jenkins against the real engine (the shared
 * library's tests call the steps through it): the build's environment, one log that every step of
 * the build writes to, and a workspace folder on a stand-in agent. Unlike {@link StepRunner} it
 * installs no recorded engine, so each step opens core's engine from the settings in the environment,
 * as in Jenkins, and runs it where Jenkins would: on the non-blocking pool's thread, whose context
 * class loader cannot see the plugin.
 */
public final class LocalBuild {

    /** Long enough for a Terraform apply on a slow machine; a step that takes longer is stuck. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, String> env;
    private final StandInAgent agent = new StandInAgent();
    private final FilePath workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    private final TaskListener listener = () -> logStream;
    private final RecordedBuild build;
    /** The controller's configuration; an administrator may change it between steps. */
    private volatile Settings controller;

    /** A build no person started (a timer); see {@link #LocalBuild(Map, Path, RecordedBuild)}. */
    public LocalBuild(Map<String, String> env, Path workspace) {
        this(env, workspace, RecordedBuild.startedByTimer());
    }

    /**
     * A build with what Jenkins recorded about it: who started it, who answers its inputs. The tenantctl
     * settings named in {@code env} stand for the controller's global configuration (as if an
     * administrator had entered them there); the steps never read them from the build's environment.
     */
    public LocalBuild(Map<String, String> env, Path workspace, RecordedBuild build) {
        this(settingsNamedIn(env), env, workspace, build);
    }

    /** A build whose controller is configured with {@code controller}, whatever its environment says. */
    public LocalBuild(Settings controller, Map<String, String> env, Path workspace, RecordedBuild build) {
        this.controller = controller;
        this.env = Map.copyOf(env);
        this.workspace = new FilePath(agent, workspace.toString());
        this.build = build;
    }

    /**
     * Changes the controller's configuration for the steps that follow (a test standing in for an
     * administrator; the only way, for instance, to inject TENANTCTL_FAIL_AT: a build's withEnv cannot).
     */
    public void configureController(Map<Setting, String> overrides) {
        controller = controller.with(overrides);
    }

    private static Settings settingsNamedIn(Map<String, String> env) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (env.get(setting.name()) != null && !env.get(setting.name()).isBlank()) {
                values.put(setting, env.get(setting.name()));
            }
        }
        return Settings.of(values);
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
     * environment plus {@code stepEnv} (as inside {@code withEnv}), waits for its outcome, and returns
     * its value or throws its failure, as the step call in a pipeline script does.
     */
    public Object run(Step step, Map<String, String> stepEnv) throws Exception {
        return start(step, stepEnv).outcome(STEP_TIMEOUT);
    }

    /** Starts a step and returns at once, as Pipeline does; the caller may stop it (abort the build). */
    public Running start(Step step, Map<String, String> stepEnv) throws Exception {
        EnvVars vars = new EnvVars(env);
        vars.putAll(stepEnv);
        Outcome context = new Outcome(vars, listener, workspace, build);
        if (step instanceof TenantStep tenantStep) {
            // as Jenkins does: core's engine, configured by the controller, not by the build
            tenantStep.useOperations(new OperationsProvider(new EngineOperationsFactory(), () -> controller));
        }
        StepExecution execution = step.start(context);
        execution.start();
        return new Running(execution, context);
    }

    /** Everything the steps of this build wrote to its log so far. */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** A started step: its execution (to stop it, as aborting the build does) and its outcome. */
    public record Running(StepExecution execution, Outcome context) {

        /** What Pipeline does when the build is aborted: the execution's stop with the interruption. */
        public void abort(Throwable cause) throws Exception {
            execution.stop(cause);
        }

        /** Waits for the step's outcome: its value, or its failure thrown. */
        public Object outcome(Duration timeout) throws Exception {
            if (!context.awaitOutcome(timeout)) {
                throw new IllegalStateException("the step reported no outcome within " + timeout + " ("
                        + execution.getStatus() + ")");
            }
            return context.valueOrThrow();
        }

        /** onSuccess/onFailure calls so far (the first is the outcome; Pipeline drops later ones). */
        public int reports() {
            return context.outcomes();
        }
    }

    /** One step call's context: what the step may ask for, and the outcome it reports. */
    public static final class Outcome extends RecordingStepContext {

        private static final long serialVersionUID = 1L;

        Outcome(EnvVars env, TaskListener listener, FilePath workspace, RecordedBuild build) {
            super(env, listener, workspace, build);
        }

        Object valueOrThrow() throws Exception {
            Throwable failure = failure();
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return result();
        }
    }
}
