package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Shared set-up for the tests that drive the real OpenTofu binary (TERRAFORM_BIN) against the pg
 * backend on the test PostgreSQL, with the provider-free fixture module. Every tenant it prepares is
 * destroyed and its workspace deleted by {@link #cleanUp()}.
 */
final class OpenTofuFixture {

    final Settings settings = TestServices.settings();
    final List<String> log = new CopyOnWriteArrayList<>();
    private final Path work;
    private final Path cliConfig;
    private final List<TenantWorkspace> prepared = new ArrayList<>();

    OpenTofuFixture(Path work) throws IOException {
        this.work = work;
        // The machine's TF_CLI_CONFIG_FILE may point at a missing file (a warning on every run): use an empty one.
        this.cliConfig = Files.writeString(work.resolve("test.tfrc"), "# empty CLI configuration for tests\n");
    }

    ProgressListener listener() {
        return (step, message) -> log.add(step + ": " + message);
    }

    TerraformProcessRunner base() {
        return base(new LocalProcessLauncher());
    }

    TerraformProcessRunner base(ProcessLauncher launcher) {
        return new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN), launcher, listener())
                .withEnvironment(Map.of("TF_CLI_CONFIG_FILE", cliConfig.toString()))
                .withTimeout(Duration.ofSeconds(90)).withGracePeriod(Duration.ofSeconds(20));
    }

    PgBackend backend() {
        return PgBackend.fromSettings(settings, PgBackend.DEFAULT_SCHEMA);
    }

    /** A fresh copy of the fixture root for {@code slug} under {@code work/<copy>/}. */
    TenantWorkspace prepare(Slug slug, String copy, Map<String, Object> switches) {
        TenantVariables variables = new TenantVariables(slug, TierCatalog.load().config(Tier.GOLD), "ap-south-1",
                new ChargebackTags(slug.value(), "Gold", slug.defaultCostCenter(), "tenantctl", "req-" + slug)
                        .asMap(), "tenant", switches);
        TenantWorkspace ws = TenantWorkspace.prepare(work.resolve(copy), new ModuleSource(fixtures(), "tenant"),
                variables, backend());
        prepared.add(ws);
        return ws;
    }

    /** Waits (bounded) until a log line matches; the bound only guards against a hung test. */
    void awaitLog(Predicate<String> line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (log.stream().noneMatch(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching log line within 60 s; log:\n" + String.join("\n", log));
            }
            Thread.sleep(100);
        }
    }

    /** A plain JDBC connection to the registry database (where the pg backend keeps state). */
    java.sql.Connection registryConnection() throws java.sql.SQLException {
        return io.tenantprovisioning.testing.AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
    }

    String dbPassword() {
        return settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD).reveal();
    }

    /** Destroys what each prepared tenant left and deletes its workspace; never throws. */
    void cleanUp() {
        for (TenantWorkspace ws : prepared) {
            try {
                TerraformRunner runner = ws.open(base());
                runner.destroy(DestroyOptions.DEFAULTS.withLockTimeout(Duration.ofSeconds(30)));
                runner.workspaceDelete(ws.workspaceName());
            } catch (RuntimeException e) {
                // the workspace may already be gone (a test deleted it); anything else shows in the log
                log.add("cleanup " + ws.workspaceName() + ": " + e.getMessage());
            }
        }
    }

    static Path fixtures() {
        try {
            return Path.of(OpenTofuFixture.class.getResource("/terraform-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
