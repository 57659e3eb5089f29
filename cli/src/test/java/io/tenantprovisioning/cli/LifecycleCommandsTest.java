package io.tenantprovisioning.cli;

import java.nio.file.Path;
import java.nio.file.Files;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.registry.RunLock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** provision / approve / resume / validate / token / query through the real CLI on the real services. */
class LifecycleCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> created = new ArrayList<>();

    private String uniqueName(String prefix) {
        String name = prefix + " " + Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 8);
        created.add(Slug.fromName(name).value());
        return name;
    }

    @AfterEach
    void offboardEverythingCreated() {
        try (TenantPlatform platform = TenantPlatform.open(SettingsLoader.load(Map.of()), ProgressListener.silent())) {
            for (String slug : created) {
                platform.services().registry().tenants().find(Slug.of(slug)).ifPresent(t -> {
                    if (t.state() == TenantState.ACTIVE) {
                        platform.offboard(t.slug(), ProgressListener.silent());
                    }
                });
            }
        }
    }

    private static String[] request(String name, String tier, String budget, String... extra) {
        List<String> args = new ArrayList<>(List.of("provision", "--name", name, "--tier", tier, "--region",
                "us-east-1", "--budget", budget, "--email", "owner@cli.example", "--json"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void twentyLakhGoldWaitsForCfoAndCtoThenResumesToActive() throws Exception {
        String name = uniqueName("Cli Gold");
        String slug = Slug.fromName(name).value();
        CliRun waiting = CliRun.of(request(name, "gold", "2000000"));
        assertThat(waiting.exitCode()).as(waiting.err()).isEqualTo(ExitCode.AWAITING_APPROVAL);
        JsonNode json = JSON.readTree(waiting.out());
        assertThat(json.path("outcome").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(json.path("route").findValuesAsText("group")).containsExactly("CFO", "CTO");

        assertThat(CliRun.of("resume", slug).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        // each approver from their own session; the requester (this process's operator) is neither of them
        assertThat(CliRun.as("cfo@cli.example", "approve", slug, "--group", "CFO", "--as", "cfo@cli.example")
                .exitCode()).isZero();
        assertThat(CliRun.as("cto@cli.example", "approve", slug, "--group", "CTO", "--as", "cto@cli.example")
                .exitCode()).isZero();
        CliRun resumed = CliRun.of("resume", slug, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(resumed.out()).path("outcome").asText()).isEqualTo("ACTIVE");

        CliRun validate = CliRun.of("validate", slug, "--json");
        assertThat(validate.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(validate.out()).path("checks")).hasSize(8);

        CliRun token = CliRun.of("token", slug);
        assertThat(token.exitCode()).isZero();
        assertThat(token.out().trim().split("\\.")).hasSize(3);
        // the token travels in a file, never as an argument (arguments show in the process list)
        Path tokenFile = Files.createTempFile("token", ".jwt");
        Files.writeString(tokenFile, token.out());
        CliRun query = CliRun.of("query", slug, "--question", "What is the uptime SLA?", "--token-file",
                tokenFile.toString(), "--json");
        Files.delete(tokenFile);
        assertThat(query.exitCode()).as(query.err()).isZero();
        JsonNode answer = JSON.readTree(query.out());
        assertThat(answer.path("tenant").asText()).isEqualTo(slug);
        assertThat(answer.path("sources").toString()).contains("Service Level Agreement");
    }

    @Test
    void aTokenGivenAsAnArgumentIsRefusedWithoutBeingEchoed() {
        CliRun query = CliRun.of("query", "acme-corp", "--question", "q", "--token", "eyJ.secret-token.sig");
        assertThat(query.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(query.err()).contains("--token-file").doesNotContain("secret-token");
        assertThat(query.out()).doesNotContain("secret-token");
    }

    @Test
    void idempotentReplayReturnsTheFirstOutcomeAndConflictingParametersAreRefused() throws Exception {
        String name = uniqueName("Cli Replay");
        String key = "cli-replay-" + Slug.fromName(name).value();
        CliRun first = CliRun.of(request(name, "bronze", "300000", "--idempotency-key", key));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
        CliRun replay = CliRun.of(request(name, "bronze", "300000", "--idempotency-key", key));
        assertThat(replay.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(replay.out()).path("replayed").asBoolean()).isTrue();
        assertThat(JSON.readTree(replay.out()).path("outcome").asText()).isEqualTo("ACTIVE");
        CliRun conflict = CliRun.of(request(name, "silver", "300000", "--idempotency-key", key));
        assertThat(conflict.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(JSON.readTree(conflict.out()).path("error").asText()).contains("idempotency");
    }

    @Test
    void aSecondRunForTheSameTenantExitsFourNamingTheHolder() {
        String name = uniqueName("Cli Lock");
        String slug = Slug.fromName(name).value();
        assertThat(CliRun.of(request(name, "bronze", "300000")).exitCode()).isEqualTo(ExitCode.OK);
        try (Registry registry = Registry.open(SettingsLoader.load(Map.of()));
             RunLock held = RunLock.acquire(registry, Slug.of(slug), "test-holder-run")) {
            CliRun blocked = CliRun.of("validate", slug);
            assertThat(blocked.exitCode()).isEqualTo(ExitCode.RUN_IN_PROGRESS);
            assertThat(blocked.err()).contains("test-holder-run");
        }
    }

    @Test
    void commandsOnUnknownTenantsAreInvalidInput() {
        assertThat(CliRun.of("validate", "no-such-tenant-xyz").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(CliRun.of("rollback", "no-such-tenant-xyz").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(CliRun.of("token", "Not A Slug").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }
}
