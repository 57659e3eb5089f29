package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 5: after real CLI processes provisioned a tenant (with reports and a Slack webhook) and
 * failed another one half-way (exception text, rollback), none of the generated secrets — the tenants'
 * passwords, keys and signing keys read back from the vault while they existed, any JWT, the webhook
 * URL — nor the admin secrets is in anything the runs wrote: the CLI's stdout/stderr, the JUnit and HTML
 * reports, every file under DATA_DIR and the file_sd targets, the registry's audit, journal, request and
 * validation rows (and not in clear in the sealed vault), the webhook's received bodies, the local
 * services' logs, or the argument list and environment of the CLI and anything it started. The scan is
 * shown to catch a planted secret, so it can fail.
 */
@Tag("reliability")
class SecretsAfterTheRunTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<Setting> ADMIN_SECRETS = List.of(Setting.REGISTRY_DB_PASSWORD, Setting.REDIS_PASSWORD,
            Setting.S3_ADMIN_SECRET_ACCESS_KEY, Setting.TENANT_SECRETS_KEY, Setting.AUDIT_HMAC_KEY);
    /** A JWT: two base64url JSON segments and a signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final List<Path> SERVICE_LOGS = List.of(Path.of("/var/lib/tenantctl/services/moto.log"),
            Path.of("/var/lib/tenantctl/services/redis/redis.log"),
            Path.of("/var/lib/tenantctl/services/prometheus/prometheus.log"),
            Path.of("/var/log/postgresql/postgresql-15-main.log"));

    @TempDir
    Path scratch;

    private Settings settings;
    private TenantPlatform platform;
    private HttpServer webhook;
    private String webhookUrl;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Slug> created = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** What was seen of the processes: name → text (argument lists, environments). */
    private final Map<String, String> processViews = new LinkedHashMap<>();

    @BeforeEach
    void open() throws IOException {
        settings = SettingsLoader.load(Map.of()).with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString()));
        platform = TenantPlatform.open(settings, (step, message) -> { });
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String path = "/services/T" + hex(4) + "/B" + hex(4) + "/" + hex(12);
        webhook.createContext(path, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        webhookUrl = "http://127.0.0.1:" + webhook.getAddress().getPort() + path;
    }

    @AfterEach
    void cleanUp() {
        try {
            created.forEach(slug -> TenantCleanup.finish(platform, slug));
        } finally {
            webhook.stop(0);
            platform.close();
        }
    }

    @Test
    void noGeneratedSecretInAnythingTheRunsWrote() throws Exception {
        PropertyTally tally = new PropertyTally("secrets: nothing written holds a secret");
        Path reports = Files.createDirectories(scratch.resolve("reports"));
        long serviceLogsFrom = System.currentTimeMillis();

        Slug active = slug("Secretscan");
        Process first = start(active, "validate:8", null, "provision", "--junit", reports.resolve("a.xml").toString(),
                "--html", reports.resolve("a.html").toString());
        awaitState(first, active, TenantState.VALIDATING);
        collect(active, first, 4);
        assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log("provision-" + active)).isEqualTo(ExitCode.OK);
        run(active, "validate", "--junit", reports.resolve("b.xml").toString(), "--html",
                reports.resolve("b.html").toString(), "--json");
        run(active, "show", "--json");
        run(active, "audit");

        Slug failed = slug("Secretfail");
        // paused, then failing, at the signing key: postgres, redis and the object store hold credentials
        Process second = start(failed, "signing-key:8", "signing-key", "provision");
        awaitJournalled(second, failed, ResourceKind.SIGNING_KEY);
        collect(failed, second, 3);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log("provision-" + failed)).isEqualTo(ExitCode.FAILED);
        assertThat(log("provision-" + failed)).contains("injected failure at step 'signing-key'");

        for (Setting setting : ADMIN_SECRETS) {
            secrets.put(setting.name(), settings.requiredSecret(setting).reveal());
        }
        secrets.put("slack webhook URL", webhookUrl);
        secrets.put("slack webhook path", webhookUrl.substring(webhookUrl.indexOf("/services/")));

        Map<String, String> texts = new LinkedHashMap<>();
        texts.putAll(files(scratch, p -> true));
        texts.putAll(files(Path.of(settings.string(Setting.PROMETHEUS_FILE_SD_DIR)),
                p -> p.getFileName().toString().contains(active.value())));
        texts.putAll(registryRows(active));
        texts.putAll(registryRows(failed));
        for (int i = 0; i < received.size(); i++) {
            texts.put("webhook body " + i, received.get(i));
        }
        for (Path serviceLog : SERVICE_LOGS) {
            if (Files.isReadable(serviceLog)) {
                texts.put(serviceLog.toString(), Files.readString(serviceLog, StandardCharsets.ISO_8859_1));
            }
        }
        Map<String, String> tenantOnly = new LinkedHashMap<>(secrets);
        ADMIN_SECRETS.forEach(s -> tenantOnly.remove(s.name()));
        tenantOnly.keySet().removeIf(k -> k.startsWith("slack"));

        assertThat(texts).as("what was scanned").isNotEmpty()
                .containsKeys("registry audit " + active, "registry validation " + active);
        assertThat(texts.keySet()).anyMatch(k -> k.endsWith("a.xml")).anyMatch(k -> k.endsWith("b.html"));
        assertThat(received).as("the webhook was really called").isNotEmpty();
        List<String> leaks = new ArrayList<>(leaks(texts, secrets));
        leaks.addAll(jwts(texts));
        // the CLI's own environment is the operator's configuration (the webhook URL is set there on purpose);
        // what tenantctl generates must never reach it or any argument list
        processViews.forEach((view, text) -> {
            Map<String, String> forbidden = view.contains("environment of tenantctl") ? tenantOnly : secrets;
            leaks.addAll(leaks(Map.of(view, text), forbidden));
        });
        texts.keySet().forEach(k -> tally.tried(leaks.stream().noneMatch(l -> l.endsWith(" in " + k))));
        tally.record(texts.size() + " outputs and " + processViews.size() + " process views scanned for "
                + secrets.size() + " secrets and any JWT; world-readable files: " + worldReadable(scratch).size());
        assertThat(leaks).as("secrets in what the runs wrote").isEmpty();
        assertThat(serviceLogsFrom).isPositive();

        // the scan can fail: a planted secret and a planted JWT are found where they were put
        String planted = secrets.get(active + " postgres.password");
        Path plant = Files.writeString(scratch.resolve("data").resolve("planted.txt"), "x" + planted + "x");
        assertThat(leaks(files(scratch, p -> p.equals(plant)), secrets))
                .containsExactly(active + " postgres.password in " + plant);
        String token = run(active, "token").lines().filter(l -> JWT.matcher(l).find()).findFirst().orElseThrow();
        assertThat(jwts(Map.of("token output", token))).containsExactly("a JWT in token output");
    }

    /** The tenant's credentials from the vault while they exist (the signing key's tag marker is public). */
    private void collect(Slug slug, Process child, int expected) throws IOException {
        Map<String, String> mine = new LinkedHashMap<>();
        platform.services().vault().all(slug).forEach((name, secret) -> {
            if (!name.equals(SigningKeyDriver.MARKER)) {
                mine.put(slug + " " + name, secret.reveal());
            }
        });
        assertThat(mine).as("credentials of " + slug).hasSize(expected);
        mine.values().forEach(v -> assertThat(v.length()).as("long enough that a hit is no accident")
                .isGreaterThanOrEqualTo(12));
        secrets.putAll(mine);
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(child.toHandle());
        child.descendants().forEach(processes::add);
        for (ProcessHandle p : processes) {
            String who = p.pid() == child.pid() ? "tenantctl " + slug : "child " + p.pid() + " of tenantctl " + slug;
            processViews.put("argument list of " + who, proc(p, "cmdline"));
            processViews.put("environment of " + who, proc(p, "environ"));
        }
    }

    private static String proc(ProcessHandle process, String file) throws IOException {
        Path path = Path.of("/proc", Long.toString(process.pid()), file);
        return Files.exists(path) ? new String(Files.readAllBytes(path), StandardCharsets.UTF_8).replace('\0', ' ') : "";
    }

    private Process start(Slug slug, String pauseAt, String failAt, String... args) throws IOException {
        created.add(slug);
        Map<String, String> env = new LinkedHashMap<>(Map.of("SLACK_WEBHOOK_URL", webhookUrl, "OFFLINE", "false",
                "TENANTCTL_PAUSE_AT", pauseAt));
        if (failAt != null) {
            env.put("TENANTCTL_FAIL_AT", failAt);
        }
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--name", slug.value(), "--tier", "bronze", "--region", "us-east-1", "--budget", "300000",
                "--email", "owner@secrets.example"));
        return TenantctlProcess.start(settings, env, scratch.resolve(args[0] + "-" + slug + ".log"), true,
                argv.toArray(String[]::new));
    }

    /** A command as its own process; returns what it printed (also kept for the scan, except `token`). */
    private String run(Slug slug, String command, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command, slug.value()));
        argv.addAll(List.of(args));
        Path output = command.equals("token") ? Files.createTempFile("token", ".out")
                : scratch.resolve(command + "-" + slug + "-" + hex(3) + ".log");
        try {
            Process p = TenantctlProcess.start(settings, Map.of("SLACK_WEBHOOK_URL", webhookUrl), output, true,
                    argv.toArray(String[]::new));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(printed).isEqualTo(ExitCode.OK);
            return printed;
        } finally {
            if (command.equals("token")) {
                Files.delete(output);
            }
        }
    }

    private void awaitState(Process child, Slug slug, TenantState state) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended early:\n%s", log("provision-" + slug)).isTrue();
            Optional<TenantRecord> tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isPresent() && tenant.get().state() == state) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(slug + " never reached " + state + ":\n" + log("provision-" + slug));
    }

    private void awaitJournalled(Process child, Slug slug, ResourceKind kind) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(child.isAlive()).as("the child ended early:\n%s", log("provision-" + slug)).isTrue();
            Optional<TenantRecord> tenant = platform.services().registry().tenants().find(slug);
            if (tenant.isPresent()) {
                List<JournalEntry> journal = platform.services().registry().journal().entries(tenant.get().id());
                if (journal.stream().anyMatch(e -> e.kind() == kind && e.status() == JournalStatus.INTENDED)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(slug + " never journalled " + kind + ":\n" + log("provision-" + slug));
    }

    /** Every file under {@code root} that {@code which} accepts, as text (bytes as ISO-8859-1: binary files too). */
    private static Map<String, String> files(Path root, Predicate<Path> which) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).filter(which).toList()) {
                out.put(p.toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static List<Path> worldReadable(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> readable = new ArrayList<>();
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                if (Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_READ)) {
                    readable.add(p);
                }
            }
            return readable;
        }
    }

    /** The registry's rows about the tenant, as JSON text; the sealed vault as raw bytes. */
    private Map<String, String> registryRows(Slug slug) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        String tenantIds = "(select id from registry.tenants where slug = ?)";
        Map<String, String> queries = Map.of(
                "registry audit ", "select row_to_json(t)::text from registry.audit_log t where tenant_slug = ?",
                "registry tenant ", "select row_to_json(t)::text from registry.tenants t where slug = ?",
                "registry requests ", "select row_to_json(t)::text from registry.provisioning_requests t where tenant_id in "
                        + tenantIds,
                "registry journal ", "select row_to_json(t)::text from registry.resource_journal t where tenant_id in "
                        + tenantIds,
                "registry validation ", "select row_to_json(t)::text from registry.validation_runs t where tenant_id in "
                        + tenantIds,
                "registry sealed vault ", "select encode(sealed, 'escape') from registry.tenant_secrets where slug = ?");
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME))) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                StringBuilder text = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement(query.getValue())) {
                    ps.setString(1, slug.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            text.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                out.put(query.getKey() + slug, text.toString());
            }
        }
        return out;
    }

    private static List<String> leaks(Map<String, String> texts, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        texts.forEach((where, text) -> secrets.forEach((name, value) -> {
            if (text.contains(value)) {
                found.add(name + " in " + where);
            }
        }));
        return found;
    }

    private static List<String> jwts(Map<String, String> texts) {
        List<String> found = new ArrayList<>();
        texts.forEach((where, text) -> {
            if (JWT.matcher(text).find()) {
                found.add("a JWT in " + where);
            }
        });
        return found;
    }

    private String log(String name) {
        try {
            return Files.readString(scratch.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static Slug slug(String prefix) {
        return Slug.of(prefix.toLowerCase() + "-" + hex(4));
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
