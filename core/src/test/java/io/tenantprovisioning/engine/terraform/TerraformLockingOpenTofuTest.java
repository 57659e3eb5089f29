package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State locks and stopping OpenTofu, for real, on the pg backend. The pg backend's lock is a
 * session-level advisory lock on the workspace's row in {@code terraform_state.states}; it records
 * no holder, so the runner asks PostgreSQL which session holds it.
 */
@Tag("opentofu")
class TerraformLockingOpenTofuTest {

    private static final String SLOW_STARTED = "terraform_data.slow[0]: provisioner local-exec start";

    @TempDir
    Path work;

    private OpenTofuFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new OpenTofuFixture(work);
    }

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.cleanUp();
        }
    }

    @Test
    void secondConcurrentApplyGetsATypedLockErrorNamingTheHolder() throws Exception {
        Slug slug = TestServices.uniqueSlug("tf");
        TerraformRunner first = fx.prepare(slug, "first", Map.of("slow_seconds", 5)).open(fx.base());
        TerraformRunner second = fx.prepare(slug, "second", Map.of("slow_seconds", 5)).open(fx.base());
        PlanResult firstPlan = first.plan(PlanOptions.DEFAULTS);
        PlanResult secondPlan = second.plan(PlanOptions.DEFAULTS);

        CompletableFuture<ApplyResult> running = CompletableFuture.supplyAsync(() -> first.apply(firstPlan.planFile()));
        fx.awaitLog(l -> l.endsWith(SLOW_STARTED));

        assertThatThrownBy(() -> second.apply(secondPlan.planFile()))
                .isInstanceOfSatisfying(StateLockedException.class, e -> {
                    assertThat(e.code()).isEqualTo(TerraformErrorCode.STATE_LOCKED);
                    assertThat(e.backendType()).isEqualTo("pg");
                    assertThat(e.lockInfo().reason()).isEqualTo("Workspace is already locked: t-" + slug);
                    assertThat(e.holders()).singleElement().satisfies(h -> {
                        assertThat(h.applicationName()).isEqualTo("tofu (tenantctl)");
                        assertThat(h.user()).isEqualTo("tenantctl_admin");
                    });
                    assertThat(e.holder()).contains("PostgreSQL session pid " + e.holders().get(0).pid());
                    assertThat(e.forceUnlockCommand()).isEmpty();
                    assertThat(e.getMessage()).contains("t-" + slug).contains("force-unlock is not supported")
                            .contains("pg_terminate_backend(" + e.holders().get(0).pid() + ")")
                            .doesNotContain(fx.dbPassword());
                });

        ApplyResult done = running.get(90, TimeUnit.SECONDS);
        assertThat(done.completed()).contains("terraform_data.slow[0]");
        assertThat(fx.log).noneMatch(l -> l.contains(fx.dbPassword()));
    }

    @Test
    void aSessionHoldingTheLockIsReportedUntilItsConnectionDrops() throws Exception {
        Slug slug = TestServices.uniqueSlug("tf");
        TenantWorkspace ws = fx.prepare(slug, "a", Map.of());
        TerraformRunner tf = ws.open(fx.base());
        int holderPid;
        try (Connection stuck = fx.registryConnection()) {
            holderPid = lockWorkspaceRow(stuck, ws.workspaceName());
            assertThatThrownBy(() -> tf.plan(PlanOptions.DEFAULTS))
                    .isInstanceOfSatisfying(StateLockedException.class, e -> {
                        assertThat(e.holders()).extracting(LockHolder::pid).containsExactly(holderPid);
                        assertThat(e.getMessage()).contains("pg_terminate_backend(" + holderPid + ")");
                    });
            assertThatThrownBy(() -> tf.destroy(DestroyOptions.DEFAULTS)).isInstanceOf(StateLockedException.class);
        }
        // The connection is closed: PostgreSQL ended the session and the advisory lock with it.
        assertThat(tf.plan(PlanOptions.DEFAULTS).status()).isEqualTo(PlanStatus.CHANGES);
    }

    /**
     * What a killed (SIGKILL) apply leaves on pg, as observed with OpenTofu 1.11.14 on PostgreSQL 15:
     * <ul>
     *   <li>No lock: the kernel closes the dead process's socket, PostgreSQL ends the session and its
     *       advisory lock at once; even the first look right after the kill found no holder, and the
     *       next plan is not locked out. (A lock outlives its process only while the session does,
     *       see the test above.)</li>
     *   <li>Lost state: OpenTofu writes state at most every 20 s during an apply and at the end, so an
     *       apply killed after a few seconds left an empty state although five resources had completed.
     *       The runner reports those as {@link ApplyFailedException#untracked()}: destroy cannot see
     *       them, the sweep must.</li>
     * </ul>
     */
    @Test
    void aKilledApplyLeavesNoPgLockOnceItsSessionEnds() throws Exception {
        Slug slug = TestServices.uniqueSlug("tf");
        TenantWorkspace ws = fx.prepare(slug, "a", Map.of("slow_seconds", 15));
        List<LaunchedProcess> applies = new CopyOnWriteArrayList<>();
        ProcessLauncher capturing = spec -> {
            LaunchedProcess p = new LocalProcessLauncher().launch(spec);
            if (spec.command().get(1).equals("apply")) {
                applies.add(p);
            }
            return p;
        };
        TerraformRunner tf = ws.open(fx.base(capturing));
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        CompletableFuture<ApplyResult> running = CompletableFuture.supplyAsync(() -> tf.apply(plan.planFile()));
        fx.awaitLog(l -> l.endsWith(SLOW_STARTED));

        applies.get(0).kill();
        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ApplyFailedException.class, e -> {
                    assertThat(e.completed()).contains("terraform_data.bucket");
                    // everything that completed is either in state or reported as untracked
                    assertThat(e.completed()).allMatch(a -> e.resourcesInState().contains(a) || e.untracked().contains(a));
                    assertThat(e.resourcesInState()).doesNotContainAnyElementsOf(e.untracked());
                });

        LockInspector locks = ws.backend().lockInspector();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!locks.holders(ws.workspaceName()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100); // PostgreSQL notices the closed socket almost at once; bounded for safety
        }
        assertThat(locks.holders(ws.workspaceName())).isEmpty();
        assertThat(tf.plan(PlanOptions.DEFAULTS).status()).isEqualTo(PlanStatus.CHANGES);
    }

    @Test
    void timeoutStopsOpenTofuGracefullyAndReleasesTheLock() throws Exception {
        Slug slug = TestServices.uniqueSlug("tf");
        TenantWorkspace ws = fx.prepare(slug, "a", Map.of("slow_seconds", 30));
        TerraformRunner tf = ws.open(fx.base());
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        TerraformRunner impatient = ws.runner(fx.base().withTimeout(Duration.ofSeconds(6)));

        assertThatThrownBy(() -> impatient.apply(plan.planFile()))
                .isInstanceOfSatisfying(TerraformTimeoutException.class, e -> {
                    assertThat(e.stoppedGracefully()).isTrue();
                    assertThat(e.command()).startsWith("apply -json");
                });

        assertThat(ws.backend().lockInspector().holders(ws.workspaceName())).isEmpty();
        // graceful: OpenTofu cancelled the provisioner, wrote the state (slow[0] tainted) and unlocked
        List<String> state = tf.stateList();
        assertThat(state).contains("terraform_data.bucket", "terraform_data.slow[0]");
        assertThat(tf.destroy(DestroyOptions.DEFAULTS).destroyed()).isEqualTo(state.size());
        assertThat(tf.stateList()).isEmpty();
    }

    /** Takes the pg backend's lock on the workspace row from a plain session; returns that session's pid. */
    private static int lockWorkspaceRow(Connection c, String workspace) throws Exception {
        long rowId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM \"terraform_state\".\"states\" WHERE name = ?")) {
            ps.setString(1, workspace);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("state row of " + workspace).isTrue();
                rowId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                return rs.getInt(2);
            }
        }
    }
}
