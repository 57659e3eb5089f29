package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI processes of one kill test, all sharing one DATA_DIR, each writing its own output file; and
 * the processes they leave behind (OpenTofu outlives a killed CLI) found by their working folder.
 */
final class ChildProcesses {

    /** Generous: under a load of 15 on 2 cores one OpenTofu apply on moto took 150 s. */
    static final long WAIT_MILLIS = 600_000;

    /** When a child is killed: once a thread dump shows it in a pause hook, or once it printed a line. */
    sealed interface Moment permits Paused, Printed {
    }

    /** Asleep in {@code FailurePoints.reach} (TENANTCTL_PAUSE_AT) or {@code FaultPlan.apply} (a pause fault). */
    record Paused() implements Moment {
    }

    /**
     * {@code text} printed while a process (OpenTofu) works in DATA_DIR: killed at once, and the kill must
     * land while that process still runs, else it was not killed mid-way.
     */
    record Printed(String text) implements Moment {
    }

    private final Settings settings;
    private final Map<String, String> env;
    private final Path outputs;
    private final List<Process> started = new ArrayList<>();

    ChildProcesses(Settings settings, Map<String, String> env, Path outputs) {
        this.settings = settings;
        this.env = env;
        this.outputs = outputs;
    }

    /** A child {@code tenantctl args…}, the shared environment plus {@code extraEnv}, output to {@code <label>.log}. */
    Child start(String label, Map<String, String> extraEnv, String... args) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        Path output = outputs.resolve(label + ".log");
        Process process = TenantctlProcess.start(settings, all, output, true, args);
        started.add(process);
        return new Child(process, output);
    }

    /** Kills every child still alive (a failed test's leftovers). */
    void killAll() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Until no process works in DATA_DIR (bounded), so the next command does not race OpenTofu for its state lock. */
    void awaitNoProcessInDataDir() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!processInDataDir()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a process still works in " + settings.dataDir());
    }

    /** Whether a process (the CLIs' working folder is not DATA_DIR, OpenTofu's is) works under DATA_DIR. */
    boolean processInDataDir() {
        String root = settings.dataDir().toAbsolutePath().toString();
        return ProcessHandle.allProcesses().anyMatch(p -> {
            try {
                return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).toString()
                        .startsWith(root);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        });
    }

    /** Until a thread dump of {@code child} shows a thread asleep in a pause hook (its own, nobody else's). */
    static void awaitPaused(Process child, Path output) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended before the kill point:\n%s",
                    TenantctlProcess.outputOf(output)).isTrue();
            Process dump = new ProcessBuilder(jstack, Long.toString(child.pid())).redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            for (String thread : threads.split("\n\n")) {
                if (thread.contains("java.lang.Thread.sleep") && (thread.contains("FailurePoints.reach")
                        || thread.contains("FaultPlan.apply"))) {
                    return;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the child never paused:\n" + TenantctlProcess.outputOf(output));
    }

    /** One CLI process and its output. */
    final class Child {

        private final Process process;
        private final Path output;

        private Child(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        /** Waits for {@code moment}, then SIGKILL; returns once the child is dead. */
        void killAt(Moment moment) throws Exception {
            boolean printed = moment instanceof Printed;
            if (moment instanceof Printed p) {
                awaitPrinted(p.text());
            } else {
                awaitPaused(process, output);
            }
            boolean midWay = printed && processInDataDir();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
            if (printed) {
                assertThat(midWay).as("OpenTofu still ran when the CLI was killed at %s:\n%s", moment,
                        TenantctlProcess.outputOf(output)).isTrue();
            }
        }

        /** Waits (bounded) for its exit; returns its output. */
        String awaitExit() throws Exception {
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s ends", process.info().commandLine()).isTrue();
            return TenantctlProcess.outputOf(output);
        }

        int exitCode() {
            return process.exitValue();
        }

        private void awaitPrinted(String text) throws Exception {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                assertThat(process.isAlive()).as("the child ended early:\n%s", TenantctlProcess.outputOf(output))
                        .isTrue();
                if (TenantctlProcess.outputOf(output).contains(text)) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + text + "' in the child's output:\n" + TenantctlProcess.outputOf(output));
        }
    }
}
