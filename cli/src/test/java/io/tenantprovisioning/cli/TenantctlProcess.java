package io.tenantprovisioning.cli;

import io.tenantprovisioning.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real CLI in its own JVM, for tests that must kill it or hand it settings the way an operator
 * would (its environment). It inherits this JVM's environment minus the test hooks, plus {@code env}.
 */
final class TenantctlProcess {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static final List<String> TEST_HOOKS = List.of("TENANTCTL_FAIL_AT", "TENANTCTL_PAUSE_AT",
            "TENANTCTL_FAULTS");

    private TenantctlProcess() {
    }

    /**
     * @param output   where the child's stdout goes (and stderr too, with {@code withStderr})
     * @param settings the settings whose DATA_DIR the child must share with the test
     */
    static Process start(Settings settings, Map<String, String> env, Path output, boolean withStderr,
                         String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dtenantctl.repo.root=" + System.getProperty("tenantctl.repo.root", ""), Tenantctl.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        TEST_HOOKS.forEach(builder.environment()::remove);
        builder.environment().put("DATA_DIR", settings.dataDir().toAbsolutePath().toString());
        builder.environment().putAll(env);
        if (withStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.redirectOutput(output.toFile()).start();
    }

    /** What the child wrote so far, for an assertion's message; never fails the test itself. */
    static String outputOf(Path output) {
        try {
            return java.nio.file.Files.readString(output, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Eight random lower-case letters: a tenant name of its own for each run of a test. */
    static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
