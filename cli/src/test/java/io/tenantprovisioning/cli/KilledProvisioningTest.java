package io.tenantprovisioning.cli;

import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real CLI mid-provision, then `tenantctl rollback`: nothing is left on any service.
 * The child is the CLI's own main on this test's class path; TENANTCTL_PAUSE_AT holds it at the
 * vector step (postgres, redis and the object store created, the vector intent journalled) so the
 * kill lands at a known point instead of racing a 1.5-second provisioning.
 */
class KilledProvisioningTest {

    private static final long WAIT_MILLIS = 120_000;

    @TempDir
    Path scratch;

    private Settings settings;
    private Registry registry;
    private TenantFootprint footprint;
    private Process child;
    private Slug slug;

    @BeforeEach
    void connect() {
        // the same settings the in-process CLI resolves; the child gets the same DATA_DIR explicitly
        settings = SettingsLoader.load(Map.of());
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (slug != null) {
                awaitRunLockFree(slug);
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
    void killedMidProvisionThenRollbackLeavesNothing() throws Exception {
        String name = "Killed " + TenantctlProcess.randomSuffix();
        slug = Slug.fromName(name);
        Path output = scratch.resolve("child.log");
        child = startProvision(name, output);

        TenantRecord paused = awaitPausedAtVector(output);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();

        TenantRecord stuck = registry.tenants().require(slug);
        assertThat(stuck.state().name()).as(TenantctlProcess.outputOf(output)).isIn("PROVISIONING", "CONFIGURING");
        assertThat(registry.journal().entries(paused.id())).extracting(JournalEntry::kind, JournalEntry::status)
                .containsExactly(
                        tuple(ResourceKind.POSTGRES, JournalStatus.CREATED),
                        tuple(ResourceKind.REDIS, JournalStatus.CREATED),
                        tuple(ResourceKind.OBJECT_STORE, JournalStatus.CREATED),
                        tuple(ResourceKind.VECTOR, JournalStatus.INTENDED));
        assertThat(footprint.of(slug)).as("what the killed run left").containsKeys(ResourceKind.POSTGRES,
                ResourceKind.REDIS, ResourceKind.OBJECT_STORE);

        awaitRunLockFree(slug);
        CliRun rollback = CliRun.of("rollback", slug.value());

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isEqualTo(ExitCode.OK);
        assertThat(rollback.out()).contains("tenant " + slug + " is ROLLED_BACK")
                .contains("sweep: nothing of the tenant is left");
        assertThat(registry.tenants().require(slug).state().name()).isEqualTo("ROLLED_BACK");
        assertThat(footprint.of(slug)).as("left on the services after the rollback").isEmpty();
        assertThat(registry.journal().entries(paused.id()))
                .allMatch(e -> e.status() == JournalStatus.DELETED, "every journal entry DELETED");
        assertThat(registry.audit().forTenant(slug.value()).stream()
                .filter(r -> r.action().equals("transition")).map(AuditRecord::toState).toList())
                .endsWith(stuck.state().name(), "ROLLING_BACK", "ROLLED_BACK");
    }

    private Process startProvision(String name, Path output) throws IOException {
        // the child inherits TENANTCTL_SERVICES_ENV (if set) from this JVM's environment
        return TenantctlProcess.start(settings, Map.of(FailurePoints.PAUSE_AT, "vector:120"), output, true,
                "provision", "--name", name, "--tier", "bronze", "--region", "us-east-1", "--budget", "300000",
                "--email", "owner@killed.example");
    }

    /** Polls the registry until the child sits at the vector step with its first resources CREATED. */
    private TenantRecord awaitPausedAtVector(Path output) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended early:\n%s", TenantctlProcess.outputOf(output)).isTrue();
            Optional<TenantRecord> tenant = registry.tenants().find(slug);
            if (tenant.isPresent() && tenant.get().state() == TenantState.PROVISIONING) {
                List<JournalEntry> journal = registry.journal().entries(tenant.get().id());
                boolean created = journal.stream().anyMatch(e -> e.status() == JournalStatus.CREATED);
                boolean atVector = journal.stream().anyMatch(e -> e.kind() == ResourceKind.VECTOR);
                if (created && atVector) {
                    return tenant.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never reached the vector step:\n" + TenantctlProcess.outputOf(output));
    }

    /**
     * PostgreSQL frees the killed run's advisory lock when it notices the dead connection; wait for
     * that rather than race it (the rollback would rightly refuse with "another run in progress").
     */
    private void awaitRunLockFree(Slug tenant) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (runLockFree(tenant)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run lock of " + tenant + " was never released");
    }

    /** The lock key of workflow.RunLock: (0x746e7472, hashtext(slug)) in the registry database. */
    private boolean runLockFree(Slug tenant) throws SQLException {
        try (Connection c = io.tenantprovisioning.testing.AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, 0x746e7472);
            ps.setString(2, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // closing this connection releases the lock again if we got it
                return rs.getBoolean(1);
            }
        }
    }
}
