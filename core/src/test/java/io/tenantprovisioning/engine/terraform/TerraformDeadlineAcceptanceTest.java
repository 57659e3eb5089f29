package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantprovisioning.application.PlatformServices;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung provider: the AWS provider (from the mirror) talks to an endpoint that accepts connections and
 * never answers. The apply meets its deadline and fails naming the resources still in progress, and the
 * rollback still ends, with nothing of the tenant left on the real services (the drivers talk to moto).
 */
@Tag("terraform-acceptance")
class TerraformDeadlineAcceptanceTest {

    /**
     * Each tofu command's deadline: long enough for init and plan of the real provider on a loaded machine
     * (a plan took 20-40 s here with other builds running), far below what the hung endpoint lasts (the
     * provider keeps waiting on a connection that never answers: checked by hand for 2 min 40 s).
     */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket blackhole;
    private PlatformServices services;
    private Settings settings;

    @BeforeEach
    void open() throws IOException {
        Settings base = TestServices.settings();
        assumeTrue(ProviderMirror.fromSettings(base).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3"));
        services = PlatformServices.open(settings);
        blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!blackhole.isClosed()) {
                try {
                    held.add(blackhole.accept()); // read nothing, answer nothing
                } catch (IOException e) {
                    return;
                }
            }
        }, "blackhole");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        if (blackhole != null) {
            blackhole.close();
            for (Socket s : held) {
                s.close();
            }
        }
        if (services != null) {
            services.close();
        }
    }

    private ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }

    @Test
    void aHungProviderMeetsTheDeadlineNamingTheResourceAndRollbackStillEnds() throws Exception {
        Slug slug = TestServices.uniqueSlug("tfhang");
        ProviderMirror mirror = ProviderMirror.fromSettings(settings);
        TenantModule real = TenantModule.fromSettings(settings, Path.of("").toAbsolutePath().getParent(),
                TenantModule.PROVIDERS_DIR, Set.of(RootPart.OBJECT_STORE), mirror);
        Map<String, Object> variables = new LinkedHashMap<>(real.platformVariables());
        variables.put("aws_endpoint", "http://127.0.0.1:" + blackhole.getLocalPort());
        TenantModule hung = new TenantModule(real.source(), real.region(), real.bucketPrefix(), variables,
                real.providerEnvironment(), real.terraformCreates());
        TerraformProcessRunner runner = new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN),
                new LocalProcessLauncher(), progress()).withEnvironment(mirror.environment())
                .withTimeout(DEADLINE).withGracePeriod(Duration.ofSeconds(10));
        TerraformEngine engine = new TerraformEngine(runner, hung, PgBackend.fromSettings(settings,
                PgBackend.DEFAULT_SCHEMA), dataDir.resolve("terraform"), services.directEngine(), FailurePoints.none());

        assertThatThrownBy(() -> engine.create(TestTenants.spec(slug, Tier.SILVER), new RecordingJournal(), progress()))
                .as(String.join("\n", log)).isInstanceOf(TerraformTimeoutException.class)
                .hasMessageContaining("did not finish within " + DEADLINE.toSeconds() + " s")
                .hasMessageContaining("still in progress: module.object_store.aws_");

        long started = System.nanoTime();
        List<String> errors = engine.destroy(slug, progress());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("rollback ends: every tofu call has its deadline").isLessThan(Duration.ofMinutes(3));
        log.add("destroy errors: " + errors);
        // the cancelled create left the bucket in the state (tainted): destroy refreshes it on the same hung
        // endpoint and meets its deadline too; the drivers then ran, and only the terraform part failed
        assertThat(errors).as(String.join("\n", log)).singleElement().asString()
                .startsWith(TerraformEngine.NAME + ": ").contains("did not finish within " + DEADLINE.toSeconds() + " s");
        for (ResourceDriver driver : services.drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName() + "\n" + String.join("\n", log)).isEmpty();
        }

        // the endpoint answers again (the earlier run's variables now lead to moto): the rollback run once more
        // destroys the workspace, with the state key it kept
        Path tfvars = TenantWorkspace.rootDir(dataDir.resolve("terraform"), real.source(), slug)
                .resolve(TenantWorkspace.TFVARS_FILE);
        Files.writeString(tfvars, Files.readString(tfvars).replace((String) variables.get("aws_endpoint"),
                (String) real.platformVariables().get("aws_endpoint")));
        TerraformEngine answering = new TerraformEngine(runner, real, PgBackend.fromSettings(settings,
                PgBackend.DEFAULT_SCHEMA), dataDir.resolve("terraform"), services.directEngine(), FailurePoints.none());
        assertThat(answering.destroy(slug, progress())).as(String.join("\n", log)).isEmpty();
        assertThat(log).anyMatch(line -> line.contains("deleted workspace t-" + slug.value()));
    }
}
