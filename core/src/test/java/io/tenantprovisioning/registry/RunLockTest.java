package io.tenantprovisioning.registry;

import io.tenantprovisioning.testing.Concurrently;
import io.tenantprovisioning.application.TenantSubmission;
import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.registry.Lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLockTest {

    private ThrowawayRegistry throwaway;
    private Registry registry;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void tenConcurrentRunsForOneNewTenantLetExactlyOneProceed() throws Exception {
        Slug slug = TestServices.uniqueSlug("lock");
        CountDownLatch othersDone = new CountDownLatch(9);
        List<Object> results = Concurrently.run(10, i -> {
            String runId = "run-" + i;
            try (RunLock lock = RunLock.acquire(registry, slug, runId)) {
                SubmissionOutcome outcome = new TenantSubmission(registry)
                        .submit(TestRequests.plan(TestRequests.autoApproved(slug)), runId + "@example.com");
                // hold the lock for the whole "run": until every other attempt has been refused
                othersDone.await();
                return lock.runId() + ":" + outcome.state();
            } catch (RunInProgressException e) {
                othersDone.countDown();
                return e;
            }
        });

        List<Object> winners = results.stream().filter(String.class::isInstance).toList();
        assertThat(winners).hasSize(1);
        String winnerRun = ((String) winners.get(0)).split(":")[0];
        assertThat(winners.get(0)).isEqualTo(winnerRun + ":APPROVED");
        assertThat(results).filteredOn(RunInProgressException.class::isInstance).hasSize(9)
                .allSatisfy(e -> assertThat(((Exception) e).getMessage())
                        .contains("another run for tenant '" + slug + "' is in progress")
                        .containsAnyOf("run " + winnerRun + ", pid " + ProcessHandle.current().pid(),
                                "has not recorded itself yet"));
        assertThat(registry.tenants().list(Optional.empty())).filteredOn(t -> t.slug().equals(slug)).hasSize(1);
    }

    @Test
    void aRefusedRunNamesTheHolderAndTheLockIsFreeAfterClose() throws Exception {
        Slug slug = TestServices.uniqueSlug("lock");
        try (RunLock first = RunLock.acquire(registry, slug, "run-first")) {
            assertThat(holders(slug)).containsExactly("run-first");
            assertThatThrownBy(() -> RunLock.acquire(registry, slug, "run-second"))
                    .isInstanceOf(RunInProgressException.class)
                    .hasMessageContaining("run run-first, pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("started ");
            assertThat(first.slug()).isEqualTo(slug);
        }
        assertThat(holders(slug)).isEmpty();
        try (RunLock again = RunLock.acquire(registry, slug, "run-third")) {
            assertThat(holders(slug)).containsExactly(again.runId());
        }
    }

    @Test
    void locksOfDifferentTenantsAreIndependent() {
        try (RunLock a = RunLock.acquire(registry, TestServices.uniqueSlug("lock"), "a");
             RunLock b = RunLock.acquire(registry, TestServices.uniqueSlug("lock"), "b")) {
            assertThat(a.slug()).isNotEqualTo(b.slug());
        }
    }

    @Test
    void aCrashedHoldersLockDiesWithItsConnectionAndItsStaleRecordIsReplaced() throws Exception {
        Slug slug = TestServices.uniqueSlug("lock");
        RunLock crashed = RunLock.acquire(registry, slug, "run-crashed");
        // simulate the process dying: its session ends without the lock being released
        try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND classid = " + 0x746e7472 + "::oid AND objid = hashtext('" + slug.value() + "')::oid "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted");
        }
        try (RunLock next = RunLock.acquire(registry, slug, "run-next")) {
            assertThat(holders(slug)).containsExactly(next.runId());
        }
        assertThatThrownBy(crashed::close).hasMessageContaining("could not release the run lock");
    }

    private List<String> holders(Slug slug) throws SQLException {
        try (Connection admin = throwaway.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT run_id FROM run_holders WHERE slug = '" + slug.value() + "'")) {
            List<String> runs = new java.util.ArrayList<>();
            while (rs.next()) {
                runs.add(rs.getString(1));
            }
            return runs;
        }
    }

    /** A rollback after an abort waits for the aborted run to let go instead of being refused. */
    @Test
    void aWaitingRunGetsTheLockWhenTheHolderLetsGoAndHearsWhoHeldIt() throws Exception {
        Slug slug = TestServices.uniqueSlug("lock");
        RunLock holder = RunLock.acquire(registry, slug, "provision-1");
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<String> waiter = pool.submit(() -> {
                try (RunLock lock = RunLock.acquire(registry, slug, "rollback-1", java.time.Duration.ofSeconds(30),
                        heard::add)) {
                    return lock.runId();
                }
            });
            Thread.sleep(600);
            assertThat(waiter.isDone()).as("still waiting while the holder runs").isFalse();
            holder.close();
            assertThat(waiter.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("rollback-1");
            assertThat(heard).singleElement().asString().contains("run provision-1");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaitThatOutlivesItsDeadlineIsRefusedNamingTheHolder() {
        Slug slug = TestServices.uniqueSlug("lock");
        try (RunLock holder = RunLock.acquire(registry, slug, "provision-2")) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> RunLock.acquire(registry, slug, "rollback-2", java.time.Duration.ofMillis(500),
                    h -> { })).isInstanceOf(RunInProgressException.class).hasMessageContaining("run provision-2");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(500_000_000L);
        }
    }
}
