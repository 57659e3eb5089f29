package io.tenantprovisioning.engine.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts processes on this machine with {@link ProcessBuilder}, inheriting this JVM's environment. */
public final class LocalProcessLauncher implements ProcessLauncher {

    @Override
    public LaunchedProcess launch(ProcessSpec spec) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDir().toFile());
        Map<String, String> env = builder.environment();
        env.putAll(spec.environment());
        spec.secretEnvironment().forEach((name, secret) -> env.put(name, secret.reveal()));
        Process process = builder.start();
        process.getOutputStream().close(); // -input=false everywhere: nothing is ever typed in
        return new Local(process);
    }

    private record Local(Process process) implements LaunchedProcess {

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        /**
         * SIGTERM through the ProcessHandle: Process.destroy() sends the same signal but also closes our
         * ends of the pipes, and OpenTofu (Go) dies of SIGPIPE on its next write to stdout: mid-way
         * through the graceful shutdown that writes state and releases the lock.
         */
        @Override
        public void requestStop() {
            process.toHandle().destroy();
        }

        @Override
        public void kill() {
            process.toHandle().destroyForcibly();
        }
    }
}
