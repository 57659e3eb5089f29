package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.reliability.PropertyTally;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 3, an approval racing a resume: a request waits for the CFO; at one moment the CFO's
 * approval is recorded (and the approver resumes) while {@value #RESUMERS} other sessions keep resuming the
 * tenant. Exactly one provisioning run happens: every other resume is refused with a clear message (not
 * APPROVED yet, another run in progress, or already past APPROVED), nothing is created twice, and the tenant
 * ends ACTIVE with one journal entry per kind and one APPROVED → PROVISIONING move.
 */
@Tag("reliability")
class ApprovalRacingResumeTest {

    private static final int RESUMERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void exactlyOneRunProvisionsTheOthersAreRefusedClearly() throws Exception {
        PropertyTally tally = new PropertyTally("concurrency: an approval racing resumes, one run provisions");
        Slug slug = TestServices.uniqueSlug("aprace");
        List<String> refusals = new ArrayList<>();
        List<PipelineOutcome> outcomes = new ArrayList<>();
        boolean held = false;
        ExecutorService pool = Executors.newFixedThreadPool(RESUMERS + 1);
        try (TenantPlatform platform = TenantPlatform.open(TestServices.settingsIn(dataDir, Map.of(
                Setting.QUERY_PERFORMANCE_SLA_MS, "20000", Setting.QUERY_PERFORMANCE_RUNS, "5")), (s, m) -> { })) {
            try {
                PipelineOutcome waiting = platform.job().run(TestRequests.draft(slug, "bronze", 1_500_000, null),
                        "requester@example.com", EngineKind.DIRECT, (s, m) -> { });
                assertThat(waiting).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Object>>> racers = new ArrayList<>();
                racers.add(pool.submit(() -> {
                    start.await();
                    platform.decideHandler().decide(slug, ApproverGroup.CFO,
                            new Actor("cfo@example.com", IdentitySource.CLI_OPERATOR_VARIABLE), Verdict.APPROVED, "ok");
                    return List.of(resumeOnce(platform, slug));
                }));
                for (int i = 0; i < RESUMERS; i++) {
                    racers.add(pool.submit(() -> resumeUntilPastApproval(platform, slug, start)));
                }
                start.countDown();
                for (Future<List<Object>> racer : racers) {
                    for (Object result : racer.get(300, TimeUnit.SECONDS)) {
                        if (result instanceof PipelineOutcome outcome) {
                            outcomes.add(outcome);
                        } else {
                            refusals.add((String) result);
                        }
                    }
                }
                assertThat(outcomes).as("runs that provisioned; refusals: " + refusals).hasSize(1);
                assertThat(outcomes.get(0)).isInstanceOf(PipelineOutcome.Activated.class);
                assertThat(platform.services().registry().tenants().require(slug).state()).isEqualTo(TenantState.ACTIVE);
                List<JournalEntry> journal = platform.services().registry().journal()
                        .entries(platform.services().registry().tenants().require(slug).id());
                assertThat(journal).as("nothing created twice").hasSize(ResourceKind.values().length);
                assertThat(platform.services().registry().audit().forTenant(slug.value()).stream()
                        .filter(r -> "APPROVED".equals(r.fromState()) && "PROVISIONING".equals(r.toState())))
                        .as("one run started").hasSize(1);
                held = true;
            } finally {
                pool.shutdownNow();
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            tally.tried(held);
            tally.record(held ? "1 approver (approve, then resume) and " + RESUMERS + " sessions resuming in a loop: "
                    + "1 run ACTIVE, one journal entry per kind; " + refusals.size() + " refusals, e.g. "
                    + refusals.stream().filter(r -> !r.contains("PENDING_APPROVAL")).findFirst().orElse("(none)")
                    : "did not hold: " + outcomes.size() + " runs; refusals " + refusals);
        }
    }

    /** Resumes until the tenant is past PENDING_APPROVAL: its own run's outcome, or the refusals it met. */
    private static List<Object> resumeUntilPastApproval(TenantPlatform platform, Slug slug, CountDownLatch start)
            throws InterruptedException {
        start.await();
        List<Object> results = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Object result = resumeOnce(platform, slug);
            if (result instanceof String refusal && refusal.contains("PENDING_APPROVAL")) {
                Thread.sleep(5);
                continue;
            }
            results.add(result);
            return results;
        }
        throw new AssertionError("the approval never landed");
    }

    /** The run's outcome, or the refusal's message; any other exception fails the test. */
    private static Object resumeOnce(TenantPlatform platform, Slug slug) {
        try {
            return platform.job().resume(slug, EngineKind.DIRECT, (s, m) -> { });
        } catch (RunInProgressException | IllegalTransitionException refused) {
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        }
    }
}
