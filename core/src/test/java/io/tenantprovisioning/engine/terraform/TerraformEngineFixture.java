package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.objectstore.ObjectStoreDriver;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.VectorNamespaceDriver;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.plan.TenantPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import io.tenantprovisioning.testing.AdminPostgres;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The terraform engine over the real OpenTofu binary and a direct engine of REAL drivers: PostgreSQL
 * and Redis (shared local services), filesystem object store, file_sd/dashboard folders and a Lucene
 * store in temp folders, signing keys in an in-memory vault. {@link #close()} destroys every tenant
 * a test touched and closes the drivers.
 */
final class TerraformEngineFixture implements AutoCloseable {

    final Settings settings;
    final InMemorySecretVault vault = new InMemorySecretVault();
    /** Lines of the runner's own listener (what fromSettings' listener would receive). */
    final List<String> runnerLog = new CopyOnWriteArrayList<>();
    /** Lines of the progress listener passed to each call. */
    final List<String> progressLog = new CopyOnWriteArrayList<>();
    final List<ResourceDriver> drivers;
    final DirectEngine direct;
    private final PostgresSchemaDriver postgres;
    private final ObjectStoreDriver objectStore;
    private final Path cliConfig;
    private final Path inspectRoot;
    private final List<Slug> touched = new CopyOnWriteArrayList<>();

    TerraformEngineFixture(Path work) throws IOException {
        settings = TestServices.settings().with(Map.of(Setting.DATA_DIR, work.resolve("data").toString(),
                Setting.OBJECT_STORE, "filesystem", Setting.OBJECT_STORE_DIR, work.resolve("buckets").toString(),
                Setting.PROMETHEUS_FILE_SD_DIR, work.resolve("targets").toString(),
                Setting.GRAFANA_DASHBOARD_DIR, work.resolve("dashboards").toString(), Setting.GRAFANA_URL, ""));
        // the machine's TF_CLI_CONFIG_FILE may point at a missing file (a warning on every run)
        cliConfig = Files.writeString(work.resolve("test.tfrc"), "# empty CLI configuration for tests\n");
        inspectRoot = work.resolve("inspect");
        postgres = PostgresSchemaDriver.fromSettings(settings, TestServices.MARKER);
        objectStore = ObjectStoreDriver.fromSettings(settings, TestServices.MARKER);
        drivers = List.of(postgres, RedisNamespaceDriver.fromSettings(settings, TestServices.MARKER), objectStore,
                new VectorNamespaceDriver(new LuceneVectorStore(work.resolve("vectors"), 384), slug -> {
                    throw new ResourceException("the Bronze tier is never seeded with demo documents");
                }, TestServices.MARKER),
                MonitoringDriver.fromSettings(settings, TestServices.MARKER), new SigningKeyDriver(vault, new RandomSecrets()));
        direct = new DirectEngine(drivers, vault, FailurePoints.none(),
                TenantPlanner.from(settings, TierCatalog.load())::nameOf);
    }

    ProgressListener progress() {
        return (step, message) -> progressLog.add(step + ": " + message);
    }

    TerraformProcessRunner base() {
        return base(new LocalProcessLauncher());
    }

    /** As {@link #base()}, starting processes through {@code launcher}. */
    TerraformProcessRunner base(ProcessLauncher launcher) {
        return new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN), launcher,
                (step, message) -> runnerLog.add(step + ": " + message))
                .withEnvironment(Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString()))
                .withTimeout(Duration.ofSeconds(90)).withGracePeriod(Duration.ofSeconds(20));
    }

    /** The engine on the repository's provider-free root, state on the pg backend, DATA_DIR/terraform. */
    TerraformEngine engine(FailurePoints failurePoints) {
        return new TerraformEngine(base(), module(), backend(), settings.dataDir().resolve("terraform"), direct,
                failurePoints);
    }

    TenantModule module() {
        return TenantModule.fromSettings(settings, repositoryRoot(), TenantModule.PROVIDER_FREE_DIR);
    }

    PgBackend backend() {
        return PgBackend.fromSettings(settings, PgBackend.DEFAULT_SCHEMA);
    }

    /** Registers a slug for clean-up. */
    Slug slug() {
        Slug slug = TestServices.uniqueSlug("tfe");
        touched.add(slug);
        return slug;
    }

    /** What the tenant's Terraform state holds, read from a separate copy of the root. */
    List<String> stateList(Slug slug) {
        TerraformProcessRunner runner = vault.get(slug, StateEncryption.VAULT_NAME)
                .map(key -> base().withSecretEnvironment(StateEncryption.environment(key))).orElse(base());
        return TenantWorkspace.prepare(inspectRoot, module().source(), module().destroyVariables(slug), backend())
                .open(runner).stateList();
    }

    /** Whether the pg backend still has the tenant's workspace (its state row). */
    boolean workspaceExists(Slug slug) throws SQLException {
        try (Connection c = registryConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every driver's view of the tenant: "kind described" / "kind listed" for each that still sees it. */
    List<String> leftOnServices(Slug slug) throws ResourceException {
        List<String> left = new ArrayList<>();
        for (ResourceDriver driver : drivers) {
            if (driver.describe(slug).isPresent()) {
                left.add(driver.kind().stepName() + " described");
            }
            if (driver.listManaged().stream().anyMatch(r -> r.tenantSlug().equals(slug.value()))) {
                left.add(driver.kind().stepName() + " listed");
            }
        }
        return left;
    }

    /** The service passwords of this machine plus every secret the vault holds for these tenants. */
    List<Secret> secrets(Slug... slugs) {
        List<Secret> all = new ArrayList<>(List.of(settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD),
                settings.requiredSecret(Setting.REDIS_PASSWORD)));
        for (Slug slug : slugs) {
            all.addAll(vault.all(slug).values());
        }
        return all;
    }

    Connection registryConnection() throws SQLException {
        return AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
    }

    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent(); // tests run in core/
    }

    /** Destroys every touched tenant (idempotent) and closes the drivers; never throws. */
    @Override
    public void close() {
        TerraformEngine engine = engine(FailurePoints.none());
        for (Slug slug : touched) {
            List<String> errors = engine.destroy(slug, ProgressListener.silent());
            if (!errors.isEmpty()) {
                progressLog.add("cleanup " + slug + ": " + errors);
            }
        }
        try {
            postgres.close();
        } catch (Exception e) {
            progressLog.add("cleanup: " + e.getMessage());
        }
        objectStore.close();
    }
}
