package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ChainVerification;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.TenantAcl;
import io.tenantprovisioning.registry.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * revalidate and offboard, run in-process against the real local services, on Bronze tenants the
 * test provisions through the pipeline (and offboards afterwards if a test left them provisioned).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayTwoCommandsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OFFBOARDABLE = Set.of("ACTIVE", "DEGRADED", "OFFBOARDING");

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Slug> created = new ArrayList<>();
    private Settings settings;
    private TenantPlatform platform;
    private Registry registry;

    @BeforeAll
    void openPlatform() {
        // the commands read the same settings (same DATA_DIR), so they see the tenants provisioned here
        // (only provisioning here gets a lax latency SLA: the p95 check is not what these tests are about)
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.QUERY_PERFORMANCE_SLA_MS, "20000"));
        platform = TenantPlatform.open(settings, (step, message) -> log.add(step + ": " + message));
        registry = platform.services().registry();
    }

    @AfterEach
    void offboardLeftovers() {
        for (Slug slug : created) {
            if (OFFBOARDABLE.contains(state(slug))) {
                platform.offboard(slug, ProgressListener.silent());
            }
        }
        created.clear();
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    @Test
    void revalidateExitsOneWhileATenantIsDegradedAndZeroOnceItRecovers(@TempDir Path reports) throws Exception {
        Slug slug = provision();
        setAcl(slug, "allkeys");

        CliRun broken = CliRun.of("revalidate", slug.value(), "--parallel", "2", "--junit", reports.toString());

        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCode.DEGRADED);
        assertThat(broken.out()).containsPattern(slug.value() + " +ACTIVE +DEGRADED +[0-7]/8 +0 +yes")
                .contains("cross-tenant-isolation: FAILED").contains("0 ACTIVE, 1 DEGRADED, 0 skipped");
        assertThat(broken.err()).contains("notification tenant-degraded").contains(slug.value());
        assertThat(state(slug)).isEqualTo("DEGRADED");
        String junit = Files.readString(reports.resolve("tenant-" + slug + ".xml"));
        assertThat(junit).contains("name=\"tenant-" + slug + "\"", "tests=\"10\"",
                "name=\"resource-drift\"", "name=\"credential-age\"", "name=\"cross-tenant-isolation\"", "<failure");
        try (var files = Files.list(reports)) {
            assertThat(files).hasSize(1);
        }

        CliRun stillBroken = CliRun.of("revalidate", slug.value(), "--json");

        assertThat(stillBroken.exitCode()).isEqualTo(ExitCode.DEGRADED);
        JsonNode json = JSON.readTree(stillBroken.out());
        assertThat(json.path("degraded")).extracting(JsonNode::asText).containsExactly(slug.value());
        JsonNode tenant = json.path("tenants").get(0);
        assertThat(tenant.path("before").asText()).isEqualTo("DEGRADED");
        assertThat(tenant.path("after").asText()).isEqualTo("DEGRADED");
        assertThat(tenant.path("notified").asBoolean()).isFalse();
        assertThat(tenant.path("checks")).extracting(c -> c.path("id").asText()).contains("resource-drift");
        assertThat(stillBroken.err()).doesNotContain("notification tenant-degraded");

        setAcl(slug, "resetkeys", TenantAcl.keyPattern(slug));
        CliRun healed = CliRun.of("revalidate", slug.value());

        assertThat(healed.exitCode()).as(healed.out() + healed.err()).isEqualTo(ExitCode.OK);
        assertThat(healed.out()).containsPattern(slug.value() + " +DEGRADED +ACTIVE +[0-8]/8 +0 +yes");
        assertThat(healed.err()).contains("notification tenant-recovered");
        assertNoSecretIn(slug, broken.out() + broken.err() + stillBroken.out() + healed.out() + healed.err() + junit);
    }

    @Test
    void offboardRefusesWithoutYesThenExportsAndLeavesNothingButTheRecords(@TempDir Path exports) throws Exception {
        Slug slug = provision();
        TenantRecord before = registry.tenants().require(slug);
        int approvals = registry.approvals().forRequest(before.requestId()).size();
        List<Secret> secrets = List.copyOf(platform.services().vault().all(slug).values());

        CliRun refused = CliRun.of("offboard", slug.value());

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("refusing to offboard '" + slug + "' without --yes");
        assertThat(state(slug)).isEqualTo("ACTIVE");

        try (RunLock held = RunLock.acquire(registry, slug, "test-holds-it")) {
            CliRun busy = CliRun.of("offboard", slug.value(), "--yes");
            assertThat(busy.exitCode()).isEqualTo(ExitCode.RUN_IN_PROGRESS);
            assertThat(busy.err()).contains("test-holds-it");
        }
        assertThat(state(slug)).isEqualTo("ACTIVE");

        Path target = exports.resolve("export");
        CliRun done = CliRun.of("offboard", slug.value(), "--yes", "--export", target.toString(), "--json");

        assertThat(done.exitCode()).as(done.err()).isEqualTo(ExitCode.OK);
        JsonNode json = JSON.readTree(done.out());
        assertThat(json.path("state").asText()).isEqualTo("OFFBOARDED");
        assertThat(json.path("complete").asBoolean()).isTrue();
        assertThat(json.path("survivors")).isEmpty();
        assertThat(json.path("keptApprovals").asInt()).isEqualTo(approvals);
        // what the files hold is OffboardingTest's business (core); here: the command wrote them
        assertThat(json.path("export").path("rowsPerTable").has("documents")).isTrue();
        assertThat(target.resolve("manifest.json")).exists();
        assertThat(target.resolve("postgres/documents.jsonl")).exists();
        assertThat(target.resolve("objects")).isDirectory();
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isEmpty();
            assertThat(driver.listManaged()).noneMatch(r -> r.tenantSlug().equals(slug.value()));
        }
        TenantRecord after = registry.tenants().require(slug);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.state().name()).isEqualTo("OFFBOARDED");
        assertThat(registry.approvals().forRequest(before.requestId())).hasSize(approvals);
        assertThat(registry.audit().forTenant(slug.value())).hasSize(json.path("keptAuditRows").asInt())
                .extracting(r -> r.fromState() + "→" + r.toState())
                .endsWith("ACTIVE→OFFBOARDING", "OFFBOARDING→OFFBOARDED");
        assertThat(registry.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        for (Secret secret : secrets) {
            assertThat(done.out() + done.err()).doesNotContain(secret.reveal());
        }

        CliRun again = CliRun.of("offboard", slug.value(), "--yes");
        assertThat(again.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(again.err()).contains("OFFBOARDED");
    }

    @Test
    void badArgumentsExitTwoAndTouchNothing() {
        Slug nobody = uniqueSlug();
        assertThat(CliRun.of("revalidate").err()).contains("give --all or one or more tenant slugs");
        for (String[] args : List.of(new String[] {"revalidate"}, new String[] {"revalidate", "--all", nobody.value()},
                new String[] {"revalidate", nobody.value(), "--parallel", "0"},
                new String[] {"revalidate", nobody.value()}, new String[] {"revalidate", "Not_A_Slug"},
                new String[] {"offboard", nobody.value(), "--yes"}, new String[] {"offboard", "Not_A_Slug", "--yes"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        }
        assertThat(registry.tenants().find(nobody)).isEmpty();
    }

    @Test
    void rotateRenewsTheCredentialsShowTellsTheirAgesAndBadInputExitsTwo() throws Exception {
        Slug slug = provision();
        Map<String, Secret> before = platform.services().vault().all(slug);

        CliRun refused = CliRun.of("rotate", slug.value(), "--only", "db,ldap");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("'ldap'", "db, redis, s3, jwt");
        assertThat(platform.services().vault().all(slug)).isEqualTo(before);

        CliRun rotated = CliRun.as("rotator@example.com", "rotate", slug.value(), "--json");

        assertThat(rotated.exitCode()).as(rotated.out() + rotated.err()).isEqualTo(ExitCode.OK);
        JsonNode json = JSON.readTree(rotated.out());
        assertThat(json.path("ok").asBoolean()).isTrue();
        Map<String, String> results = new java.util.LinkedHashMap<>();
        json.path("credentials").forEach(c -> results.put(c.path("kind").asText(), c.path("result").asText()));
        // this store is the filesystem one (one key per bucket): its key is skipped, saying why
        assertThat(results).containsExactly(Map.entry("db", "ROTATED"), Map.entry("redis", "ROTATED"),
                Map.entry("s3", "SKIPPED"), Map.entry("jwt", "ROTATED"));
        assertThat(json.path("credentials").get(0).path("oldRefused").asText()).contains("28P01");
        Map<String, Secret> after = platform.services().vault().all(slug);
        assertThat(after.get("postgres.password")).isNotEqualTo(before.get("postgres.password"));
        assertThat(after.get("redis.password")).isNotEqualTo(before.get("redis.password"));
        assertThat(after.get("object-store.secretAccessKey")).isEqualTo(before.get("object-store.secretAccessKey"));

        CliRun show = CliRun.of("show", slug.value(), "--json");

        assertThat(show.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(show.out()).path("credentials")).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("postgres.password", "redis.password", "object-store.secretAccessKey",
                        "signing-key.key");
        assertThat(CliRun.of("show", slug.value()).out()).contains("credentials (age since created or last rotated)",
                "postgres.password");
        assertThat(registry.audit().forTenant(slug.value())).filteredOn(r -> r.action().equals("credential-rotated"))
                .hasSize(3).allMatch(r -> r.actor().equals("rotator@example.com"));
        String everything = refused.err() + rotated.out() + rotated.err() + show.out();
        before.values().forEach(secret -> assertThat(everything).doesNotContain(secret.reveal()));
        assertNoSecretIn(slug, everything);
    }

    @Test
    void provisionFromAFileListsInvalidRowsThenRunsTheRestWithJunitAndReplaysOnARerun(@TempDir Path dir)
            throws Exception {
        Slug a = uniqueSlug();
        Slug b = uniqueSlug();
        created.add(a);
        created.add(b);
        Path file = Files.writeString(dir.resolve("tenants.csv"), "name,tier,region,budget,email\n"
                + a + ",bronze,us-east-1,500000,owner@acme.example\n"
                + "x,gold,nowhere-1,500000,owner@acme.example\n"
                + b + ",bronze,us-east-1,500000,owner@acme.example\n");

        CliRun refused = CliRun.of("provision", "--from", file.toString(), "--json");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode error = JSON.readTree(refused.out());
        assertThat(error.path("problems")).extracting(JsonNode::asText)
                .allMatch(p -> p.startsWith("line 3: ")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(registry.tenants().find(a)).isEmpty();

        Path junit = dir.resolve("reports/batch.xml");
        CliRun ran = CliRun.of("provision", "--from", file.toString(), "--skip-invalid", "--parallel", "2",
                "--junit", junit.toString());

        assertThat(ran.exitCode()).as(ran.out() + ran.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ran.out()).containsPattern("2 +" + a + " +ACTIVE +[0-9.]+ s +8/8 +[0-9,]+")
                .containsPattern("3 +x +INVALID").containsPattern("4 +" + b + " +ACTIVE");
        String xml = Files.readString(junit);
        assertThat(xml).contains("tests=\"3\"", "failures=\"1\"", "name=\"line 2 " + a + "\"",
                "name=\"line 4 " + b + "\"", "<failure message=\"INVALID: ");

        Path valid = Files.writeString(dir.resolve("valid.csv"), "name,tier,region,budget,email\n"
                + a + ",bronze,us-east-1,500000,owner@acme.example\n"
                + b + ",bronze,us-east-1,500000,owner@acme.example\n");
        CliRun replay = CliRun.of("provision", "--from", valid.toString(), "--json");

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(replay.out()).path("rows")).allMatch(r -> r.path("replayed").asBoolean()
                && r.path("state").asText().equals("ACTIVE"));
    }

    private Slug provision() {
        Slug slug = uniqueSlug();
        created.add(slug);
        RequestDraft draft = new RequestDraft(slug.value(), "bronze", "us-east-1", "500000", "owner@acme.example",
                "INTERNAL", "NONE", false, null, null);
        PipelineOutcome outcome = platform.job().run(draft, "test", EngineKind.DIRECT,
                (step, message) -> log.add(step + ": " + message));
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        return slug;
    }

    private String state(Slug slug) {
        return registry.tenants().require(slug).state().name();
    }

    private void setAcl(Slug slug, String... rules) {
        try (Jedis admin = RedisEndpoint.fromSettings(settings).connect(null,
                settings.requiredSecret(Setting.REDIS_PASSWORD))) {
            admin.aclSetUser(slug.redisUser(), rules);
        }
    }

    private void assertNoSecretIn(Slug slug, String text) {
        Map<String, Secret> secrets = platform.services().vault().all(slug);
        assertThat(secrets).isNotEmpty();
        secrets.forEach((name, secret) -> assertThat(text).as(name).doesNotContain(secret.reveal()));
    }

    private static Slug uniqueSlug() {
        StringBuilder sb = new StringBuilder("dt-");
        for (int i = 0; i < 8; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return Slug.of(sb.toString());
    }
}
