package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanCommandTest {

    private static final String[] ACME = {"plan", "--name", "Acme Corporation", "--tier", "gold", "--region",
            "us-east-1", "--budget", "2000000", "--email", "owner@acme.example"};

    @Test
    void printsThePlanAsText() {
        CliRun run = CliRun.of(ACME);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("slug acme-corporation")
                .contains("t_acme_corporation")
                .contains("tenant-acme-corporation")
                .contains("CFO")
                .contains("CTO")
                .contains("₹75,000/month");
    }

    @Test
    void jsonHasTheDocumentedShapeAndNothingElseOnStdout() throws Exception {
        String[] args = java.util.Arrays.copyOf(ACME, ACME.length + 1);
        args[ACME.length] = "--json";
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("slug").asText()).isEqualTo("acme-corporation");
        assertThat(json.path("tier").asText()).isEqualTo("Gold");
        assertThat(json.path("cost").path("monthlyInr").asLong()).isEqualTo(75_000);
        assertThat(json.path("cost").path("annualInr").asLong()).isEqualTo(900_000);
        assertThat(json.path("approval").path("autoApproved").asBoolean()).isFalse();
        assertThat(json.path("approval").path("route").get(0).path("group").asText()).isEqualTo("CFO");
        assertThat(json.path("tags").path("CostCenter").asText()).isEqualTo("CC_ACME_CORPORATION");
        assertThat(json.path("resources")).hasSize(6);
        assertThat(json.path("resources").get(0).path("kind").asText()).isEqualTo("postgres");
        assertThat(json.path("tierConfig").path("queriesPerMinute").asInt()).isEqualTo(1000);
    }

    @Test
    void invalidInputExitsTwoAndListsEveryProblem() {
        CliRun run = CliRun.of("plan", "--name", "x", "--tier", "platinum", "--region", "mars", "--budget", "1.5",
                "--email", "nope");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("5 problems").contains("name:").contains("tier:").contains("region:")
                .contains("budget:").contains("email:");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void invalidInputWithJsonPrintsOnlyJson() throws Exception {
        CliRun run = CliRun.of("plan", "--name", "x", "--tier", "gold", "--region", "us-east-1", "--budget", "1",
                "--email", "o@acme.example", "--json");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("exitCode").asInt()).isEqualTo(2);
        assertThat(json.path("problems").get(0).asText()).startsWith("name:");
    }

    @Test
    void missingRequiredFlagIsInvalidInput() {
        CliRun run = CliRun.of("plan", "--name", "Acme");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("Missing required options");
    }
}
