package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A step context with a build (its environment and, when given, who started it and who answered its
 * inputs), a captured log and a workspace on a stand-in agent.
 */
final class FakeStepContext extends RecordingStepContext {

    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream log;
    private final transient StandInAgent agent;

    private FakeStepContext(Map<String, String> env, ByteArrayOutputStream log, StandInAgent agent, Path workspace,
                            RecordedBuild build) {
        this(env, log, new PrintStream(log, true, StandardCharsets.UTF_8), agent, workspace, build);
    }

    private FakeStepContext(Map<String, String> env, ByteArrayOutputStream log, PrintStream out, StandInAgent agent,
                            Path workspace, RecordedBuild build) {
        super(new EnvVars(env), () -> out, workspace == null ? null : new FilePath(agent, workspace.toString()),
                build);
        this.log = log;
        this.agent = agent;
    }

    /** A context with no build to hand out (the context's get(Run.class) is null). */
    static FakeStepContext of(Map<String, String> env, Path workspace) {
        return of(env, workspace, null);
    }

    /** A context whose build is {@code build}: who started it, who answered its inputs. */
    static FakeStepContext of(Map<String, String> env, Path workspace, RecordedBuild build) {
        return new FakeStepContext(env, new ByteArrayOutputStream(), new StandInAgent(), workspace, build);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** What the workspace's agent ran through its channel. */
    StandInAgent agent() {
        return agent;
    }
}
