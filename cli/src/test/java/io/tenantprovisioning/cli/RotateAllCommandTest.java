package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.report.HtmlPage;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * `tenantctl rotate --all` as an operator (or the Jenkins job) runs it: its own JVM, the registry named by the
 * environment (a throwaway one: --all rotates every tenant of its registry), the JUnit XML and HTML it writes,
 * its exit codes.
 */
class RotateAllCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ThrowawayRegistry registry;
    private Settings settings;
    private TenantPlatform platform;
    private final List<Slug> created = new ArrayList<>();

    @BeforeEach
    void open() {
        registry = ThrowawayRegistry.create();
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.REGISTRY_DB_SCHEMA, registry.schema(),
                Setting.DATA_DIR, dir.resolve("data").toString(), Setting.OBJECT_STORE, "filesystem",
                Setting.QUERY_PERFORMANCE_SLA_MS, "20000"));
        platform = TenantPlatform.open(settings, ProgressListener.silent());
    }

    @AfterEach
    void close() throws Exception {
        try {
            for (Slug slug : created) {
                String state = platform.services().registry().tenants().require(slug).state().name();
                if (state.equals("ACTIVE") || state.equals("DEGRADED")) {
                    platform.offboard(slug, ProgressListener.silent());
                }
            }
        } finally {
            platform.close();
            registry.close();
        }
    }

    @Test
    void rotatesTheTenantsPastTheLimitWritesJunitAndHtmlAndExitsOneWhenACredentialFailed() throws Exception {
        Slug old = provision();
        Slug young = provision();
        age(old, 100);
        Map<String, Secret> youngBefore = platform.services().vault().all(young);
        Path junit = dir.resolve("reports/rotation.xml");
        Path html = dir.resolve("reports/rotation.html");

        Run run = tenantctl(Map.of(), "rotate", "--all", "--older-than", "30", "--junit", junit.toString(),
                "--html", html.toString(), "--stylesheet-beside");

        assertThat(run.code).as(run.output).isEqualTo(ExitCode.OK);
        assertThat(run.output).contains("[1/1] " + old + ": rotating db (100 d), redis (100 d), jwt (100 d)",
                "s elapsed", "1 of 2 serving tenant(s) held credentials older than 30 days", "all rotated",
                // the filesystem store's key is no credential of a service: never due, saying why
                "s3 is not rotated here: the filesystem object store has no service credential")
                .doesNotContain("tenant " + young);
        assertThat(platform.services().vault().all(young)).isEqualTo(youngBefore);
        Document doc = xml(junit);
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(1);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("tenant-" + old);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        String page = Files.readString(html);
        assertThat(page).contains(HtmlPage.STYLESHEET, "verdict PASSED", "ROTATED", old.value())
                .doesNotContain("<style");
        assertThat(html.resolveSibling(HtmlPage.STYLESHEET)).isRegularFile();

        age(young, 100);
        Run failed = tenantctl(Map.of("TENANTCTL_FAIL_AT", "rotate-redis-proven"), "rotate", "--all", "--json",
                "--junit", junit.toString());

        assertThat(failed.code).as(failed.output).isEqualTo(ExitCode.FAILED);
        JsonNode json = JSON.readTree(failed.stdout);
        assertThat(json.path("ok").asBoolean()).isFalse();
        assertThat(json.path("olderThanDays").asInt()).as("CREDENTIAL_MAX_AGE_DAYS").isEqualTo(90);
        assertThat(json.path("tenants")).as("the old tenant was rotated a moment ago").hasSize(1);
        assertThat(json.path("tenants").get(0).path("slug").asText()).isEqualTo(young.value());
        JsonNode redis = json.path("tenants").get(0).path("credentials").get(1);
        assertThat(redis.path("result").asText()).isEqualTo("FAILED");
        assertThat(redis.path("working").asText()).isEqualTo("old");
        assertThat(((Element) xml(junit).getElementsByTagName("testsuite").item(0)).getAttribute("failures"))
                .isEqualTo("1");

        String everything = run.output + failed.output + Files.readString(junit) + page;
        for (Slug slug : List.of(old, young)) {
            platform.services().vault().all(slug).forEach((name, secret) ->
                    assertThat(everything).as(name).doesNotContain(secret.reveal()));
        }
        youngBefore.forEach((name, secret) -> assertThat(everything).as(name).doesNotContain(secret.reveal()));
    }

    @Test
    void badInputExitsTwo() {
        for (String[] args : List.of(new String[] {"rotate"}, new String[] {"rotate", "some-tenant", "--all"},
                new String[] {"rotate", "--all", "--older-than", "-1"}, new String[] {"rotate", "some-tenant",
                        "--older-than", "3"}, new String[] {"rotate", "--all", "--stylesheet-beside"},
                new String[] {"rotate", "--all", "--parallel", "0"}, new String[] {"rotate", "some-tenant",
                        "--parallel", "2"})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        }
        assertThat(CliRun.of("rotate").err()).contains("name one tenant's SLUG or give --all");
    }

    private record Run(int code, String stdout, String output) {
    }

    /** The CLI in its own JVM on the throwaway registry; stdout alone, and stdout with stderr. */
    private Run tenantctl(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("REGISTRY_DB_SCHEMA", registry.schema());
        env.put("OBJECT_STORE", "filesystem");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Tenantctl.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("TENANTCTL_FAIL_AT");
        builder.environment().put("DATA_DIR", settings.dataDir().toAbsolutePath().toString());
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(out);
        return new Run(process.exitValue(), stdout, stdout + Files.readString(err));
    }

    private Slug provision() {
        Slug slug = TestServices.uniqueSlug("rall");
        created.add(slug);
        RequestDraft draft = new RequestDraft(slug.value(), "bronze", "us-east-1", "500000", "owner@acme.example",
                "INTERNAL", "NONE", false, null, null);
        assertThat(platform.job().run(draft, "test", EngineKind.DIRECT, ProgressListener.silent()))
                .isInstanceOf(PipelineOutcome.Activated.class);
        return slug;
    }

    private void age(Slug slug, int days) throws Exception {
        try (Connection admin = registry.adminConnection();
             PreparedStatement ps = admin.prepareStatement("UPDATE tenant_secrets SET updated_at = updated_at - "
                     + "make_interval(days => ?) WHERE slug = ?")) {
            ps.setInt(1, days);
            ps.setString(2, slug.value());
            assertThat(ps.executeUpdate()).isGreaterThanOrEqualTo(4);
        }
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
