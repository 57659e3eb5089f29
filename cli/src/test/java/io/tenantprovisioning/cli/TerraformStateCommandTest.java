package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.terraform.StateEncryption;
import io.tenantprovisioning.request.Slug;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantctl terraform-state SLUG}: the real CLI in its own JVM, the real OpenTofu with the provider-free root
 * ({@code terraform/local}, its state in the registry database, encrypted with the tenant's key): a tenant
 * provisioned with the terraform engine shows its workspace, the addresses of its state and an empty re-plan; the
 * state key, which the command fetched from the vault, is nowhere in its output; a direct-engine tenant is refused
 * (exit 2) naming the engine.
 */
@Tag("opentofu")
class TerraformStateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("TERRAFORM_MODULE_DIR", "terraform/local");

    @TempDir
    Path scratch;

    private Settings settings;
    private Slug slug;

    @BeforeEach
    void settings() {
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString(),
                Setting.TERRAFORM_MODULE_DIR, "terraform/local"));
    }

    @AfterEach
    void offboard() throws Exception {
        if (slug != null) {
            run("offboard", "--yes", slug.value());
        }
    }

    @Test
    void printsTheWorkspaceItsStateListAndAnEmptyReplanWithoutTheStateKey() throws Exception {
        String name = "Tfstate " + TenantctlProcess.randomSuffix();
        Result provisioned = run("provision", "--name", name, "--tier", "bronze", "--region", "us-east-1",
                "--budget", "500000", "--email", "owner@tfstate.example", "--engine", "terraform");
        assertThat(provisioned.code()).as(provisioned.output()).isZero();
        slug = Slug.of(name.toLowerCase().replace(' ', '-'));

        Result text = run("terraform-state", slug.value());
        Result json = runStdoutOnly("terraform-state", slug.value(), "--json");

        assertThat(text.code()).as(text.output()).isZero();
        assertThat(text.output()).contains("tenant " + slug + " (ACTIVE), workspace t-" + slug,
                "re-plan: empty (no changes)").containsPattern("tofu state list: [1-9][0-9]* resources")
                .contains("  terraform_data.");
        assertThat(json.code()).as(json.output()).isZero();
        JsonNode view = JSON.readTree(json.output());
        assertThat(view.get("workspace").asText()).isEqualTo("t-" + slug);
        assertThat(view.get("replanEmpty").asBoolean()).isTrue();
        assertThat(view.get("changes")).isEmpty();
        assertThat(view.get("addresses")).isNotEmpty();
        assertThat(view.get("addresses").get(0).asText()).startsWith("terraform_data.");
        String key = stateKey();
        assertThat(key).hasSizeGreaterThan(20);
        assertThat(text.output()).doesNotContain(key);
        assertThat(json.output()).doesNotContain(key);

        Result offboarded = run("offboard", "--yes", slug.value());
        assertThat(offboarded.code()).as(offboarded.output()).isZero();
        Result gone = run("terraform-state", slug.value());
        assertThat(gone.code()).as(gone.output()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(gone.output()).contains("is OFFBOARDED: its Terraform workspace was destroyed and deleted");
        slug = null; // offboarded here
    }

    @Test
    void aDirectEngineTenantHasNoWorkspaceToRead() throws Exception {
        String name = "Tfdirect " + TenantctlProcess.randomSuffix();
        Result provisioned = run("provision", "--name", name, "--tier", "bronze", "--region", "us-east-1",
                "--budget", "500000", "--email", "owner@tfstate.example", "--engine", "direct");
        assertThat(provisioned.code()).as(provisioned.output()).isZero();
        slug = Slug.of(name.toLowerCase().replace(' ', '-'));

        Result refused = run("terraform-state", slug.value());

        assertThat(refused.code()).as(refused.output()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.output()).contains("was provisioned by the direct engine: it has no Terraform workspace");
    }

    private String stateKey() {
        try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> { })) {
            return platform.services().vault().get(slug, StateEncryption.VAULT_NAME).map(Secret::reveal)
                    .orElseThrow(() -> new AssertionError("no state key of " + slug + " in the vault"));
        }
    }

    private Result run(String... args) throws Exception {
        return run(true, args);
    }

    /** stdout alone: what --json promises to keep to JSON (the progress goes to stderr). */
    private Result runStdoutOnly(String... args) throws Exception {
        return run(false, args);
    }

    private Result run(boolean withStderr, String... args) throws Exception {
        Path output = scratch.resolve("out-" + System.nanoTime() + ".txt");
        Process child = TenantctlProcess.start(settings, ENV, output, withStderr, args);
        assertThat(child.waitFor(600, TimeUnit.SECONDS)).as("tenantctl " + String.join(" ", args)).isTrue();
        return new Result(child.exitValue(), TenantctlProcess.outputOf(output));
    }

    private record Result(int code, String output) {
    }
}
