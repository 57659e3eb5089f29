package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.testing.TenantCleanup;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every secret of a tenant (its PostgreSQL and Redis passwords, object-store secret key and signing
 * key, read back from the vault) and every admin secret of the settings is absent from everything
 * the CLI printed — stdout, stderr and anything written to System.out/err — over provision,
 * validate, query, show, list, audit and rollback, as text and as --json. (`tenantctl token` prints
 * a token by design and is not part of the transcript.)
 */
class SecretsNeverLoggedTest {

    private static final List<Setting> ADMIN_SECRETS = List.of(Setting.REGISTRY_DB_PASSWORD, Setting.REDIS_PASSWORD,
            Setting.S3_ADMIN_SECRET_ACCESS_KEY, Setting.TENANT_SECRETS_KEY, Setting.AUDIT_HMAC_KEY);

    private Settings settings;
    private TenantPlatform platform;
    private final List<Slug> created = new ArrayList<>();
    private final StringBuilder transcript = new StringBuilder();

    @BeforeEach
    void open() {
        settings = SettingsLoader.load(Map.of());
        platform = TenantPlatform.open(settings, (step, message) -> { });
    }

    @AfterEach
    void cleanUp() {
        try {
            created.forEach(slug -> TenantCleanup.finish(platform, slug));
        } finally {
            platform.close();
        }
    }

    @ParameterizedTest(name = "json={0}")
    @ValueSource(booleans = {false, true})
    void noSecretInAnythingTheCliPrints(boolean json) {
        String name = "Secrets " + TenantctlProcess.randomSuffix();
        Slug active = Slug.fromName(name);
        created.add(active);
        cli(json, 0, "provision", "--name", name, "--tier", "bronze", "--region", "us-east-1", "--budget", "300000",
                "--email", "owner@secrets.example");
        assertThat(platform.services().registry().tenants().require(active).state().name()).as(transcript.toString())
                .isEqualTo("ACTIVE");
        Map<String, String> secrets = tenantSecrets(active);
        cli(json, 0, "validate", active.value());
        cli(json, 0, "query", active.value(), "--question", "What is the uptime SLA?");
        cli(json, 0, "show", active.value());
        cli(json, 0, "list");
        cli(json, 0, "audit", active.value());
        // an ACTIVE tenant is offboarded, not rolled back: the refusal is printed too
        cli(json, ExitCode.INVALID_INPUT, "rollback", active.value());

        Slug failed = provisionedButNotValidated();
        secrets.putAll(tenantSecrets(failed));
        cli(json, 0, "rollback", failed.value());
        assertThat(platform.services().registry().tenants().require(failed).state().name()).isEqualTo("ROLLED_BACK");
        cli(json, 0, "audit", failed.value());

        secrets.putAll(adminSecrets());
        assertThat(leaks(transcript.toString(), secrets)).as("secrets found in the CLI's output").isEmpty();

        // the scan can fail: the one command that prints a secret on purpose is caught by it
        String printed = cli(false, 0, "token", active.value());
        String token = printed.lines().filter(l -> l.startsWith("eyJ")).findFirst()
                .orElseThrow(() -> new AssertionError("no token printed:\n" + printed));
        assertThat(leaks(printed, Map.of("token", token))).containsExactly("token");
    }

    /** A tenant left in VALIDATING by the core API (provisioned, not yet validated): rollback's case. */
    private Slug provisionedButNotValidated() {
        Slug slug = Slug.fromName("Secrets " + TenantctlProcess.randomSuffix());
        created.add(slug);
        var submission = platform.submit(new RequestDraft(slug.value(), "bronze", "us-east-1", "300000",
                "owner@secrets.example", "INTERNAL", "NONE", false, null, null), Actor.stated("secrets-test"));
        platform.provision(submission.requestId(), EngineKind.DIRECT, (step, message) -> { });
        assertThat(platform.services().registry().tenants().require(slug).state().name()).isEqualTo("VALIDATING");
        return slug;
    }

    /** The tenant's credentials from the vault (the signing key's tag marker is public, not a secret). */
    private Map<String, String> tenantSecrets(Slug slug) {
        Map<String, String> out = new LinkedHashMap<>();
        platform.services().vault().all(slug).forEach((name, secret) -> {
            if (!name.equals(SigningKeyDriver.MARKER)) {
                out.put(slug + " " + name, secret.reveal());
            }
        });
        assertThat(out.keySet()).containsExactlyInAnyOrder(slug + " postgres.password", slug + " redis.password",
                slug + " object-store.secretAccessKey", slug + " signing-key.key");
        return out;
    }

    private Map<String, String> adminSecrets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting setting : ADMIN_SECRETS) {
            out.put(setting.name(), settings.requiredSecret(setting).reveal());
        }
        return out;
    }

    /** Names of the secrets that occur in the text; each secret long enough that a hit is no accident. */
    private static List<String> leaks(String text, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        secrets.forEach((name, value) -> {
            assertThat(value.length()).as("length of %s", name).isGreaterThanOrEqualTo(12);
            if (text.contains(value)) {
                found.add(name);
            }
        });
        return found;
    }

    /**
     * Runs the real CLI in-process, capturing its writers and anything sent to System.out/err meanwhile;
     * all but `token` go into the transcript. Returns what this command printed.
     */
    private String cli(boolean json, int expectedExit, String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        if (json && !args[0].equals("token")) {
            argv.add("--json");
        }
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        CliRun run;
        try (PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            run = CliRun.of(argv.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String printed = run.out() + run.err() + stray.toString(StandardCharsets.UTF_8);
        if (!args[0].equals("token")) {
            transcript.append("$ tenantctl ").append(String.join(" ", argv)).append('\n').append(printed);
        }
        assertThat(run.exitCode()).as("exit code of %s\n%s", argv, printed).isEqualTo(expectedExit);
        return printed;
    }
}
