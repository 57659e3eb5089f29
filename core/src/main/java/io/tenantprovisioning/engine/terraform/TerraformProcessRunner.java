package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.progress.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place that starts the Terraform/OpenTofu binary (modelled on terraform-exec's
 * {@code buildTerraformCmd}): it sets the automation environment, refuses caller variables that would
 * change the commands behind the runner's back, bounds every run with a timeout that stops the
 * process gracefully first, streams {@code -json} events to the log as readable lines and keeps
 * stderr for the failure. Every line it logs or attaches has the secrets it was given masked.
 * Immutable; the {@code with…} methods return copies.
 */
public final class TerraformProcessRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** As terraform-exec's WaitDelay: time to finish the running step, write state and unlock. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(60);

    /** Variables the runner owns (terraform-exec's list, plus TF_WORKSPACE which would override select). */
    static final Set<String> RESERVED = Set.of("TF_IN_AUTOMATION", "TF_INPUT", "TF_LOG", "TF_LOG_PATH",
            "TF_LOG_CORE", "TF_LOG_PROVIDER", "TF_WORKSPACE", "TF_CLI_ARGS", "TF_REATTACH_PROVIDERS",
            "TF_APPEND_USER_AGENT", "TF_DISABLE_PLUGIN_TLS", "TF_SKIP_PROVIDER_VERIFY");
    private static final String RESERVED_PREFIX = "TF_CLI_ARGS_";

    /** What to do with stdout. */
    enum Output {
        /** {@code -json} UI stream: parse each line, log its readable form, keep the typed events. */
        EVENTS,
        /** One JSON document ({@code show -json}, {@code output -json}): keep it, never log it. */
        CAPTURE,
        /** Human text ({@code init}, {@code workspace}): log each line, keep it. */
        TEXT
    }

    /**
     * A finished run. {@code stdout} is empty for EVENTS (its content is in {@code events}), masked for
     * TEXT, verbatim for CAPTURE (a JSON document to parse, never to print).
     */
    record Execution(int exitCode, List<UiEvent> events, String stdout, String stderr) {
        Execution {
            events = List.copyOf(events);
        }

        List<Diagnostic> diagnostics() {
            return UiEvent.diagnostics(events);
        }
    }

    private final String binary;
    private final ProcessLauncher launcher;
    private final ProgressListener listener;
    private final Map<String, String> environment;
    private final Map<String, Secret> secretEnvironment;
    private final List<Secret> masked;
    private final Duration timeout;
    private final Duration gracePeriod;
    private final UiEventParser parser = new UiEventParser(new ObjectMapper());

    public TerraformProcessRunner(String binary, ProcessLauncher launcher, ProgressListener listener) {
        this(binary, launcher, listener, Map.of(), Map.of(), List.of(), DEFAULT_TIMEOUT, DEFAULT_GRACE_PERIOD);
    }

    private TerraformProcessRunner(String binary, ProcessLauncher launcher, ProgressListener listener,
                                   Map<String, String> environment, Map<String, Secret> secretEnvironment,
                                   List<Secret> masked, Duration timeout, Duration gracePeriod) {
        if (binary == null || binary.isBlank()) {
            throw new TerraformException(TerraformErrorCode.INVALID_USAGE, "TERRAFORM_BIN is empty");
        }
        this.binary = binary;
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.environment = Map.copyOf(environment);
        this.secretEnvironment = Map.copyOf(secretEnvironment);
        this.masked = List.copyOf(masked);
        this.timeout = positive(timeout, "timeout");
        this.gracePeriod = positive(gracePeriod, "grace period");
    }

    /** Adds variables; refuses the reserved TF_* ones (terraform-exec's ErrManualEnvVar). */
    public TerraformProcessRunner withEnvironment(Map<String, String> variables) {
        variables.keySet().forEach(TerraformProcessRunner::requireNotReserved);
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(variables);
        return new TerraformProcessRunner(binary, launcher, listener, merged, secretEnvironment, masked, timeout,
                gracePeriod);
    }

    /** Adds secret variables (e.g. PG_CONN_STR); their values are also masked in every captured line. */
    public TerraformProcessRunner withSecretEnvironment(Map<String, Secret> variables) {
        variables.keySet().forEach(TerraformProcessRunner::requireNotReserved);
        Map<String, Secret> merged = new LinkedHashMap<>(secretEnvironment);
        merged.putAll(variables);
        List<Secret> mask = new ArrayList<>(masked);
        mask.addAll(variables.values());
        return new TerraformProcessRunner(binary, launcher, listener, environment, merged, mask, timeout, gracePeriod);
    }

    /** More values to mask in captured output (e.g. a password that is also inside a connection string). */
    public TerraformProcessRunner withMasked(Collection<Secret> secrets) {
        List<Secret> mask = new ArrayList<>(masked);
        mask.addAll(secrets);
        return new TerraformProcessRunner(binary, launcher, listener, environment, secretEnvironment, mask, timeout,
                gracePeriod);
    }

    public TerraformProcessRunner withTimeout(Duration value) {
        return new TerraformProcessRunner(binary, launcher, listener, environment, secretEnvironment, masked, value,
                gracePeriod);
    }

    public TerraformProcessRunner withGracePeriod(Duration value) {
        return new TerraformProcessRunner(binary, launcher, listener, environment, secretEnvironment, masked, timeout,
                value);
    }

    public TerraformProcessRunner withListener(ProgressListener value) {
        return new TerraformProcessRunner(binary, launcher, value, environment, secretEnvironment, masked, timeout,
                gracePeriod);
    }

    public String binary() {
        return binary;
    }

    /** Where every run's lines go. */
    ProgressListener listener() {
        return listener;
    }

    /** Runs {@code binary args…} in {@code dir}; returns whatever the exit status (callers judge it). */
    Execution run(List<String> args, Path dir, Output output) {
        String step = "terraform " + args.get(0);
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        listener.event(step, "$ " + String.join(" ", command)); // argv never carries secrets
        LaunchedProcess process;
        try {
            process = launcher.launch(new ProcessSpec(command, dir, automationEnvironment(args.get(0)),
                    secretEnvironment));
        } catch (IOException e) {
            throw new TerraformException(TerraformErrorCode.LAUNCH_FAILED, "cannot start '" + binary
                    + "' (TERRAFORM_BIN) in " + dir + ": " + mask(String.valueOf(e.getMessage())), e);
        }
        List<UiEvent> events = Collections.synchronizedList(new ArrayList<>());
        StringBuffer stdout = new StringBuffer();
        StringBuffer stderr = new StringBuffer();
        Thread out = pump(process.stdout(), line -> onStdout(step, line, output, events, stdout));
        Thread err = pump(process.stderr(), line -> onStderr(step, line, stderr));
        waitOrStop(process, String.join(" ", args), out, err, stderr, events);
        join(out);
        join(err);
        return new Execution(process.exitCode(), List.copyOf(events), stdout.toString(), mask(stderr.toString()));
    }

    /** The variables every run gets, over the caller's. Blank values switch inherited ones off. */
    private Map<String, String> automationEnvironment(String subcommand) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_LOG", ""); // so logging cannot pollute stderr, which failures carry
        env.put("TF_WORKSPACE", ""); // an inherited one would override 'workspace select'
        env.put("TF_CLI_ARGS", ""); // inherited extra arguments would change the argv we built
        env.put(RESERVED_PREFIX + subcommand, "");
        return env;
    }

    private void onStdout(String step, String line, Output output, List<UiEvent> events, StringBuffer stdout) {
        switch (output) {
            case EVENTS -> {
                if (!line.isBlank()) {
                    // masked before parsing, so diagnostics (which failures carry) are masked too
                    UiEvent event = parser.parse(mask(line));
                    events.add(event);
                    String readable = event.describe();
                    if (!readable.isBlank()) {
                        listener.event(step, readable);
                    }
                }
            }
            case CAPTURE -> stdout.append(line).append('\n');
            case TEXT -> {
                stdout.append(mask(line)).append('\n');
                if (!line.isBlank()) {
                    listener.event(step, mask(line));
                }
            }
        }
    }

    private void onStderr(String step, String line, StringBuffer stderr) {
        stderr.append(line).append('\n');
        if (!line.isBlank()) {
            listener.event(step, "stderr: " + mask(line));
        }
    }

    private void waitOrStop(LaunchedProcess process, String command, Thread out, Thread err, StringBuffer stderr,
                            List<UiEvent> events) {
        try {
            if (process.waitFor(timeout)) {
                return;
            }
            listener.event("terraform", "'" + command + "' exceeded " + timeout.toSeconds()
                    + " s; asking it to stop (SIGTERM), grace period " + gracePeriod.toSeconds() + " s");
            // what was in progress when the deadline passed: stopping makes OpenTofu cancel those and report
            // them as errored, which would hide exactly the resources a hung provider was stuck on
            List<String> stuck;
            synchronized (events) {
                stuck = UiEvent.inProgress(events);
            }
            boolean graceful = stop(process);
            join(out);
            join(err);
            throw new TerraformTimeoutException(command, timeout, graceful, stuck, mask(stderr.toString()));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new TerraformException(TerraformErrorCode.INTERRUPTED, "interrupted while running '" + command
                    + "'; the process was stopped", List.of(), mask(stderr.toString()));
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; true when SIGTERM sufficed. */
    private boolean stop(LaunchedProcess process) {
        process.requestStop();
        try {
            if (process.waitFor(gracePeriod)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.event("terraform", "the process did not stop within the grace period; killing it");
        process.kill();
        try {
            process.waitFor(gracePeriod);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Bounded, so a grandchild that kept our pipe open cannot hang the caller. */
    private void join(Thread reader) {
        try {
            reader.join(gracePeriod.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                onLine.accept("(output stream closed: " + e.getMessage() + ")");
            }
        }, "terraform-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Replaces every secret value this runner knows with ****. */
    String mask(String text) {
        String result = text;
        for (Secret s : masked) {
            String value = s.reveal();
            if (!value.isEmpty()) {
                result = result.replace(value, "****");
            }
        }
        return result;
    }

    private static void requireNotReserved(String name) {
        if (RESERVED.contains(name) || name.startsWith(RESERVED_PREFIX)) {
            throw new TerraformException(TerraformErrorCode.INVALID_USAGE, "environment variable " + name
                    + " is set by the runner itself and cannot be set by callers (use the runner's options instead)");
        }
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new TerraformException(TerraformErrorCode.INVALID_USAGE, what + " must be positive");
        }
        return d;
    }
}
