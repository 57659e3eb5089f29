package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tenantctl update in-process against the real local services: the plan (--dry-run records nothing), exit 3
 * while the change waits, {@code approve} as another operator and {@code resume} applying it with the JUnit
 * and HTML reports of the re-validation, {@code show} and {@code audit} telling who changed what, and bad
 * input exiting 2 with nothing changed.
 */
class UpdateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private TenantPlatform platform;
    private Registry registry;
    private Slug slug;

    @BeforeEach
    void openPlatform() {
        // the commands read the same settings (same DATA_DIR), so they see the tenant provisioned here
        Settings settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.QUERY_PERFORMANCE_SLA_MS, "20000"));
        platform = TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
        registry = platform.services().registry();
    }

    @AfterEach
    void cleanUp() {
        try {
            if (slug != null) {
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            platform.close();
        }
    }

    @Test
    void aChangeIsPlannedWaitsForItsApproverIsAppliedByResumeAndShown(@TempDir Path reports) throws Exception {
        slug = provisionSilver();

        CliRun dryRun = CliRun.as("ops@cli.example", "update", slug.value(), "--tier", "gold", "--budget", "1200000",
                "--dry-run", "--json");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(ExitCode.OK);
        JsonNode plan = JSON.readTree(dryRun.out());
        assertThat(plan.path("outcome").asText()).isEqualTo("PLANNED");
        assertThat(plan.path("approval").path("route").findValuesAsText("group")).containsExactly("CFO", "CTO");
        assertThat(plan.path("cost").path("afterMonthlyInr").asLong())
                .isGreaterThan(plan.path("cost").path("beforeMonthlyInr").asLong());
        assertThat(plan.path("tierChanges").findValuesAsText("field")).contains("postgresConnectionLimit");
        assertThat(registry.configVersions().forTenant(registry.tenants().require(slug).id())).isEmpty();

        CliRun asked = CliRun.as("ops@cli.example", "update", slug.value(), "--tier", "gold");
        assertThat(asked.exitCode()).as(asked.err()).isEqualTo(ExitCode.AWAITING_APPROVAL);
        assertThat(asked.out()).contains("tier: SILVER → GOLD", "CTO", "upgrade from Silver to Gold",
                "tenantctl resume " + slug);

        CliRun early = CliRun.as("ops@cli.example", "resume", slug.value());
        assertThat(early.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(early.err()).contains("PENDING_APPROVAL; only an APPROVED change can be applied");

        CliRun approved = CliRun.as("cto@cli.example", "approve", slug.value(), "--group", "CTO", "--as",
                "cto@cli.example");
        assertThat(approved.exitCode()).as(approved.err()).isEqualTo(ExitCode.OK);
        assertThat(approved.out()).contains("change v2 of tenant '" + slug + "' is now APPROVED");

        Path junit = reports.resolve("update.xml");
        Path html = reports.resolve("update.html");
        CliRun resumed = CliRun.as("ops@cli.example", "resume", slug.value(), "--json", "--junit", junit.toString(),
                "--html", html.toString());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(ExitCode.OK);
        JsonNode applied = JSON.readTree(resumed.out());
        assertThat(applied.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(applied.path("validation").path("passed").asBoolean()).isTrue();
        assertThat(Files.readString(junit)).contains("<testsuite", "cross-tenant-isolation");
        assertThat(Files.readString(html)).contains("<html");

        CliRun show = CliRun.of("show", slug.value(), "--json");
        JsonNode shown = JSON.readTree(show.out());
        assertThat(shown.path("tier").asText()).isEqualToIgnoringCase("gold");
        assertThat(shown.path("state").asText()).isEqualTo("ACTIVE");
        JsonNode v2 = shown.path("configVersions").get(1);
        assertThat(v2.path("status").asText()).isEqualTo("APPLIED");
        assertThat(v2.path("changedBy").asText()).isEqualTo("ops@cli.example");
        assertThat(v2.path("changedBySource").asText()).isEqualTo("cli:TENANTCTL_OPERATOR");
        assertThat(CliRun.of("show", slug.value()).out()).contains("v2 APPLIED", "by ops@cli.example",
                "tier: SILVER → GOLD");
        assertThat(CliRun.of("audit", slug.value()).out()).contains("config-change", "config-applied",
                "ops@cli.example", "cto@cli.example");
    }

    @Test
    void badInputExitsTwoAndChangesNothing() {
        slug = provisionSilver();
        int auditRows = platform.ledger().audit(slug).size();
        assertThat(CliRun.as("ops@cli.example", "update", slug.value(), "--tier", "platinum").err())
                .contains("tier: 'platinum' is not one of Gold, Silver, Bronze");
        CliRun negative = CliRun.as("ops@cli.example", "update", slug.value(), "--budget", "-1", "--json");
        assertThat(negative.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(negative.out()).contains("budget: '-1'");
        CliRun same = CliRun.as("ops@cli.example", "update", slug.value(), "--tier", "silver");
        assertThat(same.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(same.err()).contains("nothing to change");
        CliRun unknown = CliRun.as("ops@cli.example", "update", "no-such-tenant-x1", "--tier", "gold");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknown.err()).contains("no tenant 'no-such-tenant-x1'");
        assertThat(platform.ledger().audit(slug)).hasSize(auditRows);
        assertThat(registry.configVersions().forTenant(registry.tenants().require(slug).id())).isEmpty();
    }

    private Slug provisionSilver() {
        String name = "Upd Cli " + Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 8);
        PipelineOutcome outcome = platform.job().run(new RequestDraft(name, "silver", "us-east-1", "500000",
                "owner@cli.example", "INTERNAL", "NONE", false, null, null), "requester@cli.example",
                EngineKind.DIRECT, (step, message) -> log.add(step + ": " + message));
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        return Slug.fromName(name);
    }
}
