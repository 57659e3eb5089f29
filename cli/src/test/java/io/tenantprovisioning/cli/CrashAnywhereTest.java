package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 1, direct engine: the real CLI process is held at a step boundary of provisioning or of
 * rollback and killed with SIGKILL there; the next `tenantctl rollback` ends ROLLED_BACK, its sweep finds
 * nothing, and a direct look at every service finds nothing of the tenant. Boundaries: every
 * TENANTCTL_PAUSE_AT step (provision, each kind's create, configure, each kind's configure, validate,
 * activate); after each kind's create, before the journal marks it created; and, in the rollback of a
 * provisioning failing at validate, before and after each kind's destroy (TENANTCTL_FAULTS pauses). The
 * kill lands only once a thread dump of the child shows it sleeping in the pause hook. The Terraform
 * engine's kill points (during apply and destroy) are {@link CrashAnywhereTerraformTest}'s.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashAnywhereTest {

    private static final String PAUSE = "600";

    /** One kill point: the environment that holds the child there. */
    record KillPoint(String name, Map<String, String> env) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path scratch;

    private Settings settings;
    private Registry registry;
    private TenantFootprint footprint;
    private TenantPlatform platform;
    private Process child;
    private Slug slug;
    private final PropertyTally tally = new PropertyTally("crash anywhere (direct engine): kill -9 at a step boundary,"
            + " then rollback ends ROLLED_BACK with 0 orphans");

    @BeforeAll
    void connect() {
        // the settings the in-process `tenantctl rollback` resolves; the child gets the same DATA_DIR
        settings = SettingsLoader.load(Map.of());
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
        platform = TenantPlatform.open(settings, (s, m) -> { });
    }

    @AfterAll
    void close() {
        try {
            tally.record("provisioning: 16 pause steps + 6 after-create; rollback: 6 before-destroy + 6 after-destroy");
        } finally {
            footprint.close();
            registry.close();
            platform.close();
        }
    }

    @BeforeEach
    void newSlug() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        slug = Slug.of("crash-" + HexFormat.of().formatHex(random));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        TenantCleanup.finish(platform, slug);
    }

    static Stream<KillPoint> killPoints() {
        List<KillPoint> points = new ArrayList<>();
        List<String> steps = new ArrayList<>(List.of("provision"));
        for (ResourceKind kind : ResourceKind.values()) {
            steps.add(kind.stepName());
        }
        steps.add("configure");
        for (ResourceKind kind : ResourceKind.values()) {
            steps.add(kind.configureStepName());
        }
        steps.addAll(List.of("validate", "activate"));
        for (String step : steps) {
            points.add(new KillPoint("provisioning, at " + step, Map.of(FailurePoints.PAUSE_AT, step + ":" + PAUSE)));
        }
        for (ResourceKind kind : ResourceKind.values()) {
            points.add(new KillPoint("provisioning, " + kind.stepName() + " created but not journalled",
                    Map.of("TENANTCTL_FAULTS", "driver-after-create:" + kind.stepName() + "=pause:" + PAUSE + "s")));
        }
        for (String site : List.of("driver-destroy", "driver-after-destroy")) {
            for (ResourceKind kind : ResourceKind.values()) {
                points.add(new KillPoint("rollback, " + site + " " + kind.stepName(), Map.of("TENANTCTL_FAIL_AT",
                        "validate", "TENANTCTL_FAULTS", site + ":" + kind.stepName() + "=pause:" + PAUSE + "s")));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("killPoints")
    void killedThereThenRollbackLeavesNothing(KillPoint point) throws Exception {
        boolean held = false;
        Path output = scratch.resolve("child.log");
        try {
            child = TenantctlProcess.start(settings, point.env(), output, true, "provision", "--name", slug.value(),
                    "--tier", "bronze", "--region", "us-east-1", "--budget", "300000", "--email", "owner@crash.example");
            ChildProcesses.awaitPaused(child, output);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
            String killedIn = registry.tenants().find(slug).map(t -> t.state().name()).orElse("(no tenant row)");

            CliRun rollback = CliRun.of("rollback", slug.value());

            String context = point + ", killed in " + killedIn + "\n" + rollback.out() + rollback.err();
            assertThat(rollback.exitCode()).as(context).isEqualTo(ExitCode.OK);
            assertThat(rollback.out()).as(context).contains("sweep: nothing of the tenant is left");
            assertThat(registry.tenants().require(slug).state().name()).as(context).isEqualTo("ROLLED_BACK");
            assertThat(footprint.of(slug)).as("left on the services: " + context).isEmpty();
            assertThat(platform.services().vault().all(slug)).as("credentials left: " + context).isEmpty();
            held = true;
        } finally {
            tally.tried(held);
        }
    }
}
