package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `provision --from FILE` whose process is killed (kill -9) while a row is mid-way, then run again on the same
 * file: the rows that finished replay by their idempotency keys, the interrupted row is rolled back (nothing of
 * it left on any service), and no tenant, request or resource exists twice; a further re-run changes nothing.
 */
class BatchRerunAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MILLIS = 120_000;

    @TempDir
    Path scratch;

    private Settings settings;
    private Registry registry;
    private TenantFootprint footprint;
    private final List<Slug> slugs = new ArrayList<>();
    private Process child;

    @BeforeEach
    void connect() {
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString(),
                Setting.QUERY_PERFORMANCE_SLA_MS, "20000"));
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (child != null && child.isAlive()) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> { })) {
                for (Slug slug : slugs) {
                    awaitRunLockFree(slug);
                    TenantCleanup.finish(platform, slug);
                }
            }
        } finally {
            footprint.close();
            registry.close();
        }
    }

    @Test
    void aRerunReplaysTheFinishedRowsRollsBackTheInterruptedOneAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            slugs.add(TestServices.uniqueSlug("brk"));
        }
        Path file = scratch.resolve("tenants.csv");
        Files.writeString(file, "name,tier,region,budget,email\n" + row(0) + row(1));
        JsonNode first = json(run(Map.of(), file));
        assertThat(first.path("rows")).extracting(r -> r.path("state").asText()).containsExactly("ACTIVE", "ACTIVE");

        // a third row, and the process killed while that row sits at the vector step (the first two replay: they
        // never reach it)
        Files.writeString(file, row(2), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path output = scratch.resolve("killed.log");
        child = TenantctlProcess.start(settings, Map.of(FailurePoints.PAUSE_AT, "vector:120"), output, true,
                "provision", "--from", file.toString(), "--parallel", "1");
        TenantRecord paused = awaitPausedAtVector(slugs.get(2), output);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(footprint.of(slugs.get(2))).as("what the killed run left").containsKeys(ResourceKind.POSTGRES,
                ResourceKind.REDIS, ResourceKind.OBJECT_STORE);
        awaitRunLockFree(slugs.get(2));

        Path rerunOut = scratch.resolve("rerun.json");
        Process rerun = TenantctlProcess.start(settings, Map.of(), rerunOut, false, "provision", "--from",
                file.toString(), "--parallel", "2", "--json");
        assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(rerunOut);
        assertThat(rerun.exitValue()).as(text).isEqualTo(ExitCode.FAILED);
        JsonNode again = JSON.readTree(text);
        assertThat(again.path("rows")).as(text).extracting(r -> r.path("state").asText())
                .containsExactly("ACTIVE", "ACTIVE", "ROLLED_BACK");
        assertThat(again.path("rows")).extracting(r -> r.path("replayed").asBoolean()).containsExactly(true, true, false);
        assertThat(again.path("rows").get(2).path("notes").get(0).asText())
                .contains("interrupted at PROVISIONING", "rolled back on its replay");
        assertThat(footprint.of(slugs.get(2))).as("left of the interrupted row").isEmpty();
        assertThat(registry.journal().entries(paused.id())).allMatch(e -> e.status() == JournalStatus.DELETED);
        for (Slug slug : slugs) {
            assertThat(count("tenants", slug)).as("tenant rows of " + slug).isEqualTo(1);
            assertThat(count("provisioning_requests", slug)).as("requests of " + slug).isEqualTo(1);
        }
        for (Slug done : slugs.subList(0, 2)) {
            assertThat(registry.tenants().require(done).state()).isEqualTo(TenantState.ACTIVE);
            assertThat(registry.journal().entries(registry.tenants().require(done).id()))
                    .extracting(JournalEntry::kind).doesNotHaveDuplicates();
        }

        JsonNode third = json(run(Map.of(), file));
        assertThat(third.path("rows")).extracting(r -> r.path("replayed").asBoolean()).containsExactly(true, true, true);
        assertThat(third.path("rows")).extracting(r -> r.path("state").asText())
                .containsExactly("ACTIVE", "ACTIVE", "ROLLED_BACK");
        assertThat(count("tenants", slugs.get(2))).isEqualTo(1);
    }

    private String row(int i) {
        return slugs.get(i) + ",bronze,us-east-1,300000,owner@rerun.example\n";
    }

    private Path run(Map<String, String> env, Path file) throws Exception {
        Path out = Files.createTempFile(scratch, "batch", ".json");
        Process p = TenantctlProcess.start(settings, env, out, false, "provision", "--from", file.toString(),
                "--parallel", "2", "--json");
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static JsonNode json(Path out) throws Exception {
        return JSON.readTree(Files.readString(out));
    }

    /** Rows of the registry table naming the tenant: joined through tenants for the requests. */
    private long count(String table, Slug slug) throws Exception {
        String sql = table.equals("tenants") ? "SELECT count(*) FROM \"" + schema() + "\".tenants WHERE slug = ?"
                : "SELECT count(*) FROM \"" + schema() + "\".provisioning_requests r JOIN \"" + schema()
                + "\".tenants t ON r.tenant_id = t.id WHERE t.slug = ?";
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String schema() {
        return settings.string(Setting.REGISTRY_DB_SCHEMA);
    }

    private TenantRecord awaitPausedAtVector(Slug slug, Path output) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended early:\n%s", Files.readString(output)).isTrue();
            Optional<TenantRecord> tenant = registry.tenants().find(slug);
            if (tenant.isPresent() && tenant.get().state() == TenantState.PROVISIONING) {
                List<JournalEntry> journal = registry.journal().entries(tenant.get().id());
                if (journal.stream().anyMatch(e -> e.kind() == ResourceKind.VECTOR)) {
                    return tenant.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never reached the vector step:\n" + Files.readString(output));
    }

    /** PostgreSQL frees the killed run's advisory lock when it notices the dead connection. */
    private void awaitRunLockFree(Slug tenant) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
                 PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, 0x746e7472);
                ps.setString(2, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run lock of " + tenant + " was never released");
    }
}
