package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #15 item 1: a Jenkinsfile controls the build's environment ({@code environment {}}, {@code withEnv}),
 * so nothing there may change policy or tool settings. Here the build's environment and every step's
 * {@code withEnv} carry what an attacker would set — an approval threshold no budget reaches, a binary and
 * an engine to run, a controller folder for the object store to own and delete, the test hooks, a
 * registry somewhere else — and the steps run exactly as the controller is configured: the big budget
 * still needs the CFO, the tenant is provisioned by the direct engine and activated, the folder untouched.
 */
class BuildEnvironmentIsNoConfigurationTest {

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void settingsInTheBuildsEnvironmentChangeNothing() throws Exception {
        Path victim = Files.createDirectories(temp.resolve("controller-folder"));
        Path precious = Files.writeString(Files.createDirectories(victim.resolve("victim-x")).resolve("precious.txt"),
                "the controller's");
        Map<String, String> hostile = Map.ofEntries(
                Map.entry("AUTO_APPROVE_THRESHOLD", "999999999999"),
                Map.entry("EXECUTIVE_APPROVAL_THRESHOLD", "999999999999"),
                Map.entry("TERRAFORM_BIN", "/bin/false"),
                Map.entry("ENGINE", "terraform"),
                Map.entry("OBJECT_STORE", "filesystem"),
                Map.entry("OBJECT_STORE_DIR", victim.toString()),
                Map.entry("BUCKET_PREFIX", "victim"),
                Map.entry("TENANTCTL_FAIL_AT", "activate"),
                Map.entry("TENANTCTL_PAUSE_AT", "provision:600"),
                Map.entry("TENANTCTL_FAULTS", "driver-create:*=fail"),
                Map.entry("REGISTRY_DB_SCHEMA", "attacker_registry"),
                Map.entry("REGISTRY_DB_HOST", "203.0.113.7"));
        try (ServicesBuild services = new ServicesBuild("env", temp, hostile)) {
            LocalBuild build = services.build;
            String tenant = services.slug.value();

            // one build, one request (the request's idempotency key is the build's): the big one is another build
            LocalBuild other = new LocalBuild(services.settings, hostile, services.workspace,
                    RecordedBuild.startedByTimer());
            Map<String, Object> big = (Map<String, Object>) other.run(new ApproveBudgetStep(
                    "Env Big " + tenant.substring(4), "Gold", "us-east-1", "2000000", "owner@acme.example"),
                    hostile);
            assertThat(big).as(other.log()).containsEntry("autoApproved", false)
                    .containsEntry("state", "PENDING_APPROVAL");

            Map<String, Object> small = (Map<String, Object>) build.run(new ApproveBudgetStep(
                    tenant.replace('-', ' '), "Bronze", "us-east-1", "500000", "owner@acme.example"), hostile);
            assertThat(small).as(build.log()).containsEntry("slug", tenant).containsEntry("autoApproved", true);
            build.run(new TerraformProvisionStep((String) small.get("requestId")), hostile);
            assertThat(build.log()).contains("with the DIRECT engine");
            assertThat((Map<String, Object>) build.run(new ValidateTenantStep(tenant), hostile)).as(build.log())
                    .containsEntry("passed", true);
            assertThat(build.run(new ActivateTenantStep(tenant), hostile)).as(build.log()).isEqualTo("ACTIVE");

            assertThat(services.state()).isEqualTo("ACTIVE");
            assertThat(services.platform.services().registry().tenants().find(
                    io.tenantprovisioning.request.Slug.of("env-big-" + tenant.substring(4)))).isPresent();
        }
        assertThat(precious).hasContent("the controller's");
        try (var left = Files.list(victim)) {
            assertThat(left).as("nothing was created in, or deleted from, the folder the build named")
                    .containsExactly(victim.resolve("victim-x"));
        }
    }
}
