package io.tenantprovisioning.engine.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // Output to files (owner-only temp files, unlinked at once), not pipes: OpenTofu (Go) dies of SIGPIPE at
        // its next write once the reading JVM is gone, mid-apply, leaving what it created out of its state. With
        // a file it finishes the apply, persists the state and releases the lock; the next rollback destroys it.
        Path out = Files.createTempFile("tofu-stdout-", ".log");
        Path err = Files.createTempFile("tofu-stderr-", ".log");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close(); // -input=false everywhere: nothing is ever typed in
            return new Local(process, FollowedOutput.follow(out, process), FollowedOutput.follow(err, process));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Local(Process process, InputStream stdout, InputStream stderr) implements LaunchedProcess {

        @Override
        public boolean waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        /**
         * SIGTERM through the ProcessHandle: OpenTofu treats it as Ctrl-C (cancels the operation, writes state,
         * releases the lock).
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
