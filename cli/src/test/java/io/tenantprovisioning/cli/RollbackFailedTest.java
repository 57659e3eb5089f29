package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ROLLBACK_FAILED for real: a provisioning run of the real CLI process fails at configure, and the
 * fault points of the composition root (TENANTCTL_FAULTS) make the Redis compensation fail — in the
 * engine's destroy and in the sweep, which use the same decorated driver. The run must end in
 * ROLLBACK_FAILED with exit 5 and the survivor named; once the fault is gone, {@code tenantctl
 * rollback} finishes the job and nothing of the tenant is left on any service.
 */
class RollbackFailedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Settings settings;
    private Registry registry;
    private TenantFootprint footprint;
    private Slug slug;

    @BeforeEach
    void connect() {
        settings = SettingsLoader.load(Map.of());
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
    }

    @AfterEach
    void cleanUp() {
        try {
            if (slug != null) {
                try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> { })) {
                    TenantCleanup.finish(platform, slug);
                }
            }
        } finally {
            footprint.close();
            registry.close();
        }
    }

    @Test
    void aCompensationThatFailsEndsRollbackFailedWithExitFiveAndALaterRollbackFinishes(@TempDir Path dir)
            throws Exception {
        String name = "Faulty Rollback " + Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6);
        slug = Slug.fromName(name);
        Path output = dir.resolve("child.out");

        Process child = provisionInChildProcess(name, output, "driver-destroy:redis=fail");
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the child did not end").isTrue();
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(log).isEqualTo(ExitCode.ROLLBACK_INCOMPLETE);
        JsonNode json = JSON.readTree(log.substring(log.indexOf('{')));
        assertThat(json.path("outcome").asText()).as(log).isEqualTo("ROLLBACK_FAILED");
        assertThat(json.path("survivors").toString()).as(log).contains("redis");
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.ROLLBACK_FAILED);
        assertThat(footprint.of(slug).get(ResourceKind.REDIS)).as("the Redis user survived, as injected")
                .isNotEmpty();

        CliRun retried = CliRun.of("rollback", slug.value(), "--json");
        assertThat(retried.exitCode()).as(retried.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(retried.out()).path("state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(footprint.of(slug).values()).allSatisfy(left -> assertThat(left).isEmpty());
        List<String> transitions = registry.audit().forTenant(slug.value()).stream()
                .filter(r -> r.action().equals("transition")).map(AuditRecord::toState).toList();
        assertThat(transitions).endsWith("ROLLING_BACK", "ROLLBACK_FAILED", "ROLLING_BACK", "ROLLED_BACK");

        CliRun again = CliRun.of("rollback", slug.value(), "--json");
        assertThat(again.exitCode()).as("rolling back a ROLLED_BACK tenant is a no-op success").isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(again.out()).path("alreadyRolledBack").asBoolean()).isTrue();
    }

    /** The real CLI in its own JVM, so the fault setting reaches it the way an operator would set it. */
    private Process provisionInChildProcess(String name, Path output, String faults) throws Exception {
        // stdout only: progress goes to stderr, the JSON outcome to stdout
        return TenantctlProcess.start(settings, Map.of("TENANTCTL_FAIL_AT", "configure", "TENANTCTL_FAULTS", faults),
                output, false, "provision", "--name", name, "--tier", "bronze", "--region", "us-east-1",
                "--budget", "300000", "--email", "owner@faults.example", "--json");
    }
}
