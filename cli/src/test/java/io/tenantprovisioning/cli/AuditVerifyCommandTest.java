package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantctl audit verify} against the shared registry of the local services. Nothing here
 * tampers with it (core's AuditChainKeyTest attacks throwaway registries); these tests append
 * ordinary keyed rows and read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditVerifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Settings settings;
    private Registry registry;

    @BeforeAll
    void openRegistry() {
        settings = SettingsLoader.load(Map.of());
        registry = Registry.open(settings);
    }

    @AfterAll
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theHeadAuditVerifyPrintsIsWhatExpectHeadChecksLater() throws Exception {
        appendNote("head to record");
        CliRun first = CliRun.of("audit", "verify");
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK);
        String hint = first.out().lines().filter(l -> l.contains("--expect-head")).findFirst().orElseThrow();
        String recorded = hint.substring(hint.indexOf("--expect-head ") + "--expect-head ".length()).trim();
        appendNote("the log grows after the head was recorded");

        CliRun later = CliRun.of("audit", "verify", "--expect-head", recorded);
        assertThat(later.exitCode()).as(later.out() + later.err()).isEqualTo(ExitCode.OK);
        assertThat(later.out()).contains("reaches the recorded head #" + recorded.substring(0, recorded.indexOf(':'))
                + " unchanged");
        JsonNode json = JSON.readTree(CliRun.of("audit", "verify", "--expect-head", recorded, "--json").out());
        assertThat(json.path("status").asText()).isEqualTo("intact");
        assertThat(json.path("expectedHead").asText()).isEqualTo(recorded);
        assertThat(json.path("reachesExpectedHead").asBoolean()).isTrue();
        assertThat(json.path("headId").asLong()).isGreaterThan(Long.parseLong(recorded.substring(0,
                recorded.indexOf(':'))));
        assertThat(json.path("headHash").asText()).hasSize(64);
    }

    @Test
    void aHeadTheChainNoLongerReachesFailsWithWhatDiffers() throws Exception {
        AuditRecord row = appendNote("a head to miss");
        String otherHash = "0".repeat(63) + "1";

        // a head beyond the end: what a cut-off tail looks like (core's AuditChainHeadTest really cuts one)
        CliRun beyond = CliRun.of("audit", "verify", "--expect-head", (row.id() + 1_000_000) + ":" + row.hash());
        assertThat(beyond.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(beyond.out()).startsWith("audit log does NOT reach the recorded head #" + (row.id() + 1_000_000))
                .contains("rows were cut off its end").contains("the log now ends at #");

        CliRun rewritten = CliRun.of("audit", "verify", "--expect-head", row.id() + ":" + otherHash, "--json");
        assertThat(rewritten.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode json = JSON.readTree(rewritten.out());
        assertThat(json.path("ok").asBoolean()).isFalse();
        assertThat(json.path("status").asText()).isEqualTo("head-mismatch");
        assertThat(json.path("expectedHead").asText()).isEqualTo(row.id() + ":" + otherHash);
        assertThat(json.path("reason").asText()).isEqualTo("row " + row.id() + " now has hash " + row.hash()
                + ", not the recorded " + otherHash + ": the chain was rewritten at or before row " + row.id());
        assertThat(json.path("headId").asLong()).isGreaterThanOrEqualTo(row.id());
        assertThat(json.path("headHash").asText()).hasSize(64);
    }

    @Test
    void aMalformedExpectedHeadExitsTwo() {
        CliRun run = CliRun.of("audit", "verify", "--expect-head", "42:not-a-hash");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--expect-head takes <id>:<hash>");
    }

    @Test
    void withoutTheKeyAuditVerifyRefusesWithExitTwoInsteadOfPassing(@TempDir Path dir) throws Exception {
        appendNote("keyless verify");

        CliProcess text = withoutTheAuditKey(dir, "audit", "verify");
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(text.out()).startsWith("audit log NOT VERIFIED: AUDIT_HMAC_KEY is not set: rows #")
                .contains("are keyed (HMAC-SHA256) and cannot be verified without it");

        CliProcess json = withoutTheAuditKey(dir, "audit", "verify", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode result = JSON.readTree(json.out());
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("status").asText()).isEqualTo("key-missing");
        assertThat(result.path("headId").asLong()).isPositive();
    }

    @Test
    void theKeyNeverAppearsInWhatAuditPrints(@TempDir Path dir) throws Exception {
        AuditRecord row = appendNote("key scan");
        List<String> printed = new ArrayList<>();
        for (String[] args : List.of(new String[] {"audit", "verify"}, new String[] {"audit", "verify", "--json"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
            printed.add(run.out() + run.err());
        }
        CliProcess keyless = withoutTheAuditKey(dir, "audit", "verify", "--json");
        printed.add(keyless.out() + keyless.err());
        printed.add(CliRun.of("audit", "verify", "--debug").err());

        String key = settings.requiredSecret(Setting.AUDIT_HMAC_KEY).reveal().trim();
        String keyHex = HexFormat.of().formatHex(Base64.getDecoder().decode(key));
        assertThat(String.join("\n", printed)).doesNotContain(key).doesNotContain(keyHex)
                .contains(Long.toString(row.id()));
    }

    private AuditRecord appendNote(String reason) {
        return registry.audit().append(new AuditEntry("cli-test@example.com", null, "note", null, null, reason));
    }

    record CliProcess(int exitCode, String out, String err) {
    }

    /**
     * The real CLI in its own JVM with every source of AUDIT_HMAC_KEY taken away: not in its
     * environment, not in the services file (a copy without that line), no config file.
     */
    private static CliProcess withoutTheAuditKey(Path dir, String... args) throws Exception {
        Path services = dir.resolve("services-without-audit-key.env");
        Files.write(services, Files.readAllLines(servicesFile()).stream()
                .filter(l -> !l.startsWith(Setting.AUDIT_HMAC_KEY.name() + "=")).toList());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Tenantctl.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove(Setting.AUDIT_HMAC_KEY.name());
        builder.environment().put("TENANTCTL_SERVICES_ENV", services.toString());
        builder.environment().put("TENANTCTL_CONFIG", dir.resolve("no-config.env").toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("tenantctl finished").isTrue();
        return new CliProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The local services' settings file the in-process CLI reads. */
    private static Path servicesFile() {
        String explicit = System.getenv("TENANTCTL_SERVICES_ENV");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("tenantctl.repo.root", "..")).resolve(".services").resolve("services.env");
    }
}
