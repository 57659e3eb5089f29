package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real CLI while OpenTofu applies the tenant's root on moto (the AWS provider from the
 * mirror), then the next {@code tenantctl rollback}: OpenTofu writes to files, not to pipes that die with the
 * CLI, so it finishes the apply and persists its state; Terraform destroys what its state knows, the
 * drivers and the sweep take the rest, and nothing of the tenant is left on any service, its workspace
 * included.
 */
@Tag("terraform-acceptance")
class KilledTerraformApplyTest {

    private static final long WAIT_MILLIS = 180_000;
    private static final Map<String, String> ENV = Map.of("OBJECT_STORE", "s3", "ENGINE", "terraform");

    @TempDir
    Path scratch;

    private Settings settings;
    private Registry registry;
    private TenantFootprint footprint;
    private Process child;
    private Slug slug;

    @BeforeEach
    void connect() {
        Settings base = SettingsLoader.load(Map.of());
        assumeTrue(ProviderMirror.fromSettings(base).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        settings = base.with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString(), Setting.OBJECT_STORE, "s3"));
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (registry == null) {
            return;
        }
        try {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (slug != null && registry.tenants().find(slug).isPresent()) {
                awaitNoTofuIn(settings.dataDir());
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
    void anApplyKilledWithSigkillIsDestroyedByTheNextRollback() throws Exception {
        String name = "Tf Killed " + TenantctlProcess.randomSuffix();
        slug = Slug.fromName(name);
        Path output = scratch.resolve("provision.log");
        child = TenantctlProcess.start(settings, ENV, output, true, "provision", "--name", name, "--tier", "silver",
                "--region", "us-east-1", "--budget", "300000", "--email", "owner@killed.example",
                "--engine", "terraform");

        awaitLine(output, "create started");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the CLI died").isTrue();
        awaitNoTofuIn(settings.dataDir());
        assertThat(registry.tenants().require(slug).state().name()).as(TenantctlProcess.outputOf(output))
                .isEqualTo("PROVISIONING");

        Path rollbackOutput = scratch.resolve("rollback.log");
        Process rollback = TenantctlProcess.start(settings, ENV, rollbackOutput, true, "rollback", slug.value());
        assertThat(rollback.waitFor(5, TimeUnit.MINUTES)).as("rollback ends").isTrue();

        assertThat(rollback.exitValue()).as(TenantctlProcess.outputOf(rollbackOutput)).isZero();
        assertThat(TenantctlProcess.outputOf(rollbackOutput)).contains("ROLLED_BACK").contains("terraform destroyed")
                .contains("deleted workspace t-" + slug.value());
        assertThat(registry.tenants().require(slug).state().name()).isEqualTo("ROLLED_BACK");
        assertThat(footprint.of(slug)).as("left on the services after the rollback").isEmpty();
        assertThat(stateRows(slug)).as("terraform workspace rows").isZero();
    }

    /** Waits (bounded) for a line of the child's output. */
    private void awaitLine(Path output, String text) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended early:\n%s", TenantctlProcess.outputOf(output)).isTrue();
            if (TenantctlProcess.outputOf(output).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the child's output:\n" + TenantctlProcess.outputOf(output));
    }

    /**
     * OpenTofu outlives the killed CLI (it finishes its apply); wait until no process works in the data
     * folder, so the rollback does not race it for the state lock.
     */
    private static void awaitNoTofuIn(Path dataDir) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String root = dataDir.toAbsolutePath().toString();
        while (System.currentTimeMillis() < deadline) {
            boolean busy = ProcessHandle.allProcesses().anyMatch(p -> {
                try {
                    return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).toString()
                            .startsWith(root);
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    return false;
                }
            });
            if (!busy) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a process still works in " + root);
    }

    private int stateRows(Slug tenant) throws Exception {
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
