package io.tenantprovisioning.engine.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts processes on this machine with {@link ProcessBuilder}. The child does NOT inherit this JVM's
 * environment: tofu and its providers are third-party code, and the JVM's environment holds the
 * tenant-secrets key, the Redis password and webhook URLs. Only {@link #INHERITED} (what a process
 * needs to run and reach the network, plus OpenTofu's own CLI configuration) is passed on, then the
 * spec's variables — secrets only where the spec names them (the backend's connection string).
 */
public final class LocalProcessLauncher implements ProcessLauncher {

    /** Inherited variables a child may see; everything else of the JVM's environment is withheld. */
    public static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "no_proxy", "TF_CLI_CONFIG_FILE", "TF_PLUGIN_CACHE_DIR");

    private final Map<String, String> inherited;

    public LocalProcessLauncher() {
        this(System.getenv());
    }

    /** @param environment the environment the allow-listed variables are taken from */
    public LocalProcessLauncher(Map<String, String> environment) {
        Map<String, String> kept = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (INHERITED.contains(name)) {
                kept.put(name, value);
            }
        });
        this.inherited = Map.copyOf(kept);
    }

    @Override
    public LaunchedProcess launch(ProcessSpec spec) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDir().toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(inherited);
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
