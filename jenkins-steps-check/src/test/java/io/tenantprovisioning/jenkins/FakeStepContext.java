package io.tenantprovisioning.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** A step context with a build environment, a captured log and a workspace on a stand-in agent. */
final class FakeStepContext extends RecordingStepContext {

    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream log;
    private final transient StandInAgent agent;

    private FakeStepContext(Map<String, String> env, ByteArrayOutputStream log, StandInAgent agent, Path workspace) {
        this(env, log, new PrintStream(log, true, StandardCharsets.UTF_8), agent, workspace);
    }

    private FakeStepContext(Map<String, String> env, ByteArrayOutputStream log, PrintStream out, StandInAgent agent,
                            Path workspace) {
        super(new EnvVars(env), () -> out, workspace == null ? null : new FilePath(agent, workspace.toString()));
        this.log = log;
        this.agent = agent;
    }

    static FakeStepContext of(Map<String, String> env, Path workspace) {
        return new FakeStepContext(env, new ByteArrayOutputStream(), new StandInAgent(), workspace);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** What the workspace's agent ran through its channel. */
    StandInAgent agent() {
        return agent;
    }
}
