package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, end to end on the real local services, run twice (the second run retires the first's tenants). */
class DemoCommandTest {

    @TempDir
    Path output;

    @Test
    void demoProvisionsFourTenantsRollsTheBrokenOneBackAndCanRunAgain() throws Exception {
        CliRun first = CliRun.of("demo", "--output", output.toString(), "--json");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
        assertOutcome(new ObjectMapper().readTree(first.out()));
        for (String slug : new String[] {"demo-acme-gold", "demo-globex-silver", "demo-initech-bronze",
                "demo-umbrella-gold", "demo-hooli-broken"}) {
            assertThat(output.resolve(slug + ".xml")).exists();
            assertThat(output.resolve(slug + ".html")).exists();
        }
        assertThat(Files.readString(output.resolve("junit-all.xml"))).contains("<testsuites");
        assertThat(Files.readString(output.resolve("summary.txt"))).contains("demo-hooli-broken").contains("ROLLED_BACK");
        assertThat(first.err()).contains("waiting for approval by [CFO, CTO]")
                .contains("CFO approved by cfo@demo.example")
                .contains("broke isolation on purpose");

        CliRun orphans = CliRun.of("sweep", "--dry-run", "--json");
        assertThat(orphans.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(orphans.out()).path("found").toString())
                .doesNotContain("demo-hooli-broken");

        CliRun second = CliRun.of("demo", "--output", output.toString(), "--json");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.OK);
        assertOutcome(new ObjectMapper().readTree(second.out()));
        assertThat(second.err()).contains("previous demo tenant demo-acme-gold is ACTIVE; retiring it");
        CliRun audit = CliRun.of("audit", "demo-acme-gold");
        assertThat(audit.out()).contains("OFFBOARDED");
    }

    private static void assertOutcome(JsonNode rows) {
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).path("state").asText()).as(rows.get(i).toString()).isEqualTo("ACTIVE");
            assertThat(rows.get(i).path("checks").asText()).isEqualTo("8/8");
        }
        JsonNode broken = rows.get(4);
        assertThat(broken.path("slug").asText()).isEqualTo("demo-hooli-broken");
        assertThat(broken.path("state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(broken.path("note").asText()).contains("sweep found 0 resources left")
                .contains("nothing of demo-hooli-broken is left");
        assertThat(rows.get(3).path("stepMillis").has("approve")).isTrue();
        assertThat(rows.get(0).path("monthlyCostInr").asLong()).isEqualTo(75_000);
    }
}
