package io.tenantprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantprovisioning.application.TenantPlatform;
import io.tenantprovisioning.cli.ChildProcesses.Moment;
import io.tenantprovisioning.cli.ChildProcesses.Paused;
import io.tenantprovisioning.cli.ChildProcesses.Printed;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 1 with the terraform engine (S3 on moto, the real OpenTofu and the AWS provider from the
 * mirror): the real CLI is killed with SIGKILL mid-apply, before the apply, after the apply before the
 * adopted kind is journalled, and while {@code tofu destroy} runs, in the rollback of a failing provisioning
 * and in an explicit {@code tenantctl rollback}. OpenTofu writes to files, not to pipes that die with the
 * CLI, so it finishes what it was doing and persists its state. The next {@code tenantctl rollback} ends
 * ROLLED_BACK, its sweep finds nothing, and nothing of the tenant is on any service, in the vault, in the
 * Terraform state backend or in DATA_DIR. Each kill point has a DATA_DIR of its own.
 */
@Tag("terraform-acceptance")
class CrashAnywhereTerraformTest {

    private static final String PAUSE = "600";
    private static final Map<String, String> ENGINE = Map.of("OBJECT_STORE", "s3", "ENGINE", "terraform");
    private static final PropertyTally TALLY = new PropertyTally("crash anywhere (terraform engine): kill -9 mid-apply,"
            + " around the apply, mid-destroy, then rollback ends ROLLED_BACK with 0 orphans");

    /**
     * One kill point: the provisioning's environment and when it dies; with {@code rollbackMidDestroy}, a
     * {@code tenantctl rollback} after it is killed too, once OpenTofu has started deleting.
     */
    record KillPoint(String name, Map<String, String> env, Moment moment, boolean rollbackMidDestroy) {
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
    private ChildProcesses children;
    private Slug slug;

    @BeforeEach
    void connect() {
        Settings base = SettingsLoader.load(Map.of());
        assumeTrue(ProviderMirror.fromSettings(base).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        settings = base.with(Map.of(Setting.DATA_DIR, scratch.resolve("data").toString(), Setting.OBJECT_STORE, "s3"));
        registry = Registry.open(settings);
        footprint = new TenantFootprint(settings);
        children = new ChildProcesses(settings, ENGINE, scratch);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (registry == null) {
            return;
        }
        try {
            children.killAll();
            if (slug != null && registry.tenants().find(slug).isPresent()) {
                children.awaitNoProcessInDataDir();
                try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> { })) {
                    TenantCleanup.finish(platform, slug);
                }
            }
        } finally {
            footprint.close();
            registry.close();
        }
    }

    @AfterAll
    static void record() {
        if (TALLY.tried() > 0) {
            TALLY.record("mid-apply; before the apply (intents journalled); after the apply before and after the"
                    + " object store's adoption is journalled; mid-destroy in the rollback of a provisioning failing"
                    + " at configure; mid-destroy of an explicit rollback (S3 on moto, OpenTofu, AWS provider)");
        }
    }

    static Stream<KillPoint> killPoints() {
        String store = "object-store";
        return Stream.of(
                new KillPoint("mid-apply (OpenTofu creating)", Map.of(), new Printed("create started"), false),
                new KillPoint("before the apply, intents journalled",
                        Map.of(FailurePoints.PAUSE_AT, TerraformEngine.FAIL_STEP + ":" + PAUSE), new Paused(), false),
                new KillPoint("after the apply, before the object store is adopted",
                        Map.of("TENANTCTL_FAULTS", "driver-create:" + store + "=pause:" + PAUSE + "s"), new Paused(),
                        false),
                new KillPoint("after the apply, object store adopted but not journalled",
                        Map.of("TENANTCTL_FAULTS", "driver-after-create:" + store + "=pause:" + PAUSE + "s"),
                        new Paused(), false),
                new KillPoint("mid-destroy in the rollback of a provisioning failing at configure",
                        Map.of("TENANTCTL_FAIL_AT", "configure"), new Printed("delete started"), false),
                new KillPoint("mid-destroy of an explicit rollback (provisioning killed at configure)",
                        Map.of(FailurePoints.PAUSE_AT, "configure:" + PAUSE), new Paused(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("killPoints")
    void killedThereThenRollbackLeavesNothing(KillPoint point) throws Exception {
        boolean held = false;
        try {
            String name = "Tf Crash " + TenantctlProcess.randomSuffix();
            slug = Slug.fromName(name);
            ChildProcesses.Child provision = children.start("provision", point.env(), "provision", "--name", name,
                    "--tier", "silver", "--region", "us-east-1", "--budget", "300000", "--email",
                    "owner@crash.example", "--engine", "terraform");
            provision.killAt(point.moment());
            String killedIn = state();
            if (point.rollbackMidDestroy()) {
                children.awaitNoProcessInDataDir();
                ChildProcesses.Child rollback = children.start("first-rollback", Map.of(), "rollback", slug.value());
                rollback.killAt(new Printed("delete started"));
                killedIn += ", then its rollback in " + state();
            }
            children.awaitNoProcessInDataDir(); // OpenTofu outlives the CLI: let it finish, as an operator would

            ChildProcesses.Child rollback = children.start("rollback", Map.of(), "rollback", slug.value());
            String out = rollback.awaitExit();
            String context = point + ", killed in " + killedIn + "\n" + out;
            assertThat(rollback.exitCode()).as(context).isZero();
            assertThat(out).as(context).contains("ROLLED_BACK").contains("sweep: nothing of the tenant is left");
            assertThat(state()).as(context).isEqualTo("ROLLED_BACK");
            assertThat(footprint.of(slug)).as("left on the services: " + context).isEmpty();
            try (TenantPlatform platform = TenantPlatform.open(settings, (s, m) -> { })) {
                assertThat(platform.services().vault().all(slug)).as("credentials left: " + context).isEmpty();
            }
            assertThat(stateRows(slug)).as("terraform workspace rows: " + context).isZero();
            assertThat(settings.dataDir().resolve(TerraformEngine.WORK_FOLDER).resolve(slug.value()))
                    .as("working folder: " + context).doesNotExist();
            held = true;
        } finally {
            TALLY.tried(held);
        }
    }

    private String state() {
        return registry.tenants().find(slug).map(t -> t.state().name()).orElse("(no tenant row)");
    }

    private int stateRows(Slug tenant) throws Exception {
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
