package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 3: twenty real `tenantctl provision` processes for one tenant, started together with
 * one idempotency key. Exactly one provisions it (to ACTIVE); every other one is refused with exit 4
 * (another run holds the tenant's lock, named in the message) or replays the first request. The
 * registry holds one tenant, one request, one set of resources (each kind journalled once) and one
 * run's transitions.
 */
@Tag("reliability")
class SameTenantRaceTest {

    private static final int PROCESSES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path scratch;

    private Settings settings;
    private TenantPlatform platform;
    private Slug slug;

    @BeforeEach
    void open() {
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString()));
        platform = TenantPlatform.open(settings, (step, message) -> { });
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
    void twentyAtOnceOneProvisionsTheOthersAreRefusedOrReplay() throws Exception {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        slug = Slug.of("race-" + HexFormat.of().formatHex(random));
        String key = "race-key-" + slug;
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(TenantctlProcess.start(settings, Map.of(), scratch.resolve("out-" + i + ".json"), false,
                    "provision", "--name", slug.value(), "--tier", "bronze", "--region", "us-east-1", "--budget",
                    "300000", "--email", "owner@race.example", "--idempotency-key", key, "--json"));
        }
        int provisioned = 0;
        List<String> others = new ArrayList<>();
        PropertyTally tally = new PropertyTally("concurrency: 20 provisions of one tenant, one proceeds");
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("process " + i + " ended").isTrue();
            String out = Files.readString(scratch.resolve("out-" + i + ".json"), StandardCharsets.UTF_8);
            transcript.append("#").append(i).append(" exit ").append(p.exitValue()).append(": ").append(out).append('\n');
            JsonNode json = JSON.readTree(out);
            boolean replayed = json.path("replayed").asBoolean(false);
            if (p.exitValue() == ExitCode.OK && !replayed && "ACTIVE".equals(json.path("outcome").asText())) {
                provisioned++;
                tally.tried(true);
            } else {
                boolean refused = p.exitValue() == ExitCode.RUN_IN_PROGRESS
                        && json.path("error").asText().contains("another run");
                boolean replay = replayed && (p.exitValue() == ExitCode.OK || p.exitValue() == ExitCode.RUN_IN_PROGRESS);
                tally.tried(refused || replay);
                others.add(refused ? "refused" : replay ? "replayed" : "UNEXPECTED exit " + p.exitValue() + " " + out);
            }
        }
        tally.record("real CLI processes, one idempotency key; others: "
                + others.stream().filter("refused"::equals).count() + " refused (exit 4), "
                + others.stream().filter("replayed"::equals).count() + " replayed");

        assertThat(provisioned).as(transcript.toString()).isEqualTo(1);
        assertThat(others).as(transcript.toString()).hasSize(PROCESSES - 1).allMatch(o -> !o.startsWith("UNEXPECTED"));

        TenantRecord tenant = platform.services().registry().tenants().require(slug);
        assertThat(tenant.state().name()).isEqualTo("ACTIVE");
        assertThat(registryCount("select count(*) from registry.tenants where slug = ?")).as("tenant rows")
                .isEqualTo(1);
        assertThat(registryCount("select count(*) from registry.provisioning_requests r join registry.tenants t"
                + " on t.id = r.tenant_id where t.slug = ?")).as("requests").isEqualTo(1);
        List<JournalEntry> journal = platform.services().registry().journal().entries(tenant.id());
        assertThat(journal).extracting(JournalEntry::kind).containsExactlyInAnyOrder(ResourceKind.values());
        assertThat(journal).allMatch(e -> e.status() == JournalStatus.CREATED);
        assertThat(platform.services().registry().audit().forTenant(slug.value()).stream()
                .filter(r -> "PROVISIONING".equals(r.toState())).map(AuditRecord::toState).toList())
                .as("one run provisioned").hasSize(1);
    }

    private long registryCount(String sql) throws Exception {
        try (var c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             var ps = c.prepareStatement(sql)) {
            ps.setString(1, slug.value());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
