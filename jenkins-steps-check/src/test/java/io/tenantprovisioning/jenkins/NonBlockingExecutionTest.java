package io.tenantprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousResumeNotSupportedException;
import org.junit.jupiter.api.Test;

/**
 * The copy of {@link SynchronousNonBlockingStepExecution} behaves as upstream's does where a step can
 * tell: run() on another thread of a named daemon pool whose context class loader sees neither the
 * plugin nor its libraries, start() returning before run() ends, stop() failing the step at once while
 * the worker is interrupted and its own later failure only suppressed, onResume() failing the step.
 */
class NonBlockingExecutionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** An execution whose run() reports where it ran, then waits for the test to let it finish. */
    private static final class Probe extends SynchronousNonBlockingStepExecution<String> {
        private static final long serialVersionUID = 1L;
        private final transient CountDownLatch started = new CountDownLatch(1);
        private final transient CountDownLatch release = new CountDownLatch(1);
        private final transient AtomicReference<Thread> thread = new AtomicReference<>();

        Probe(StepContext context) {
            super(context);
        }

        @Override
        protected String run() throws Exception {
            thread.set(Thread.currentThread());
            started.countDown();
            release.await();
            return "done";
        }
    }

    private static RecordingStepContext context() {
        return FakeStepContext.of(java.util.Map.of(), null);
    }

    @Test
    void runRunsOnANamedDaemonPoolThreadAfterStartHasReturned() throws Exception {
        RecordingStepContext context = context();
        Probe probe = new Probe(context);

        assertThat(probe.start()).isFalse();
        assertThat(probe.started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(context.outcomes()).as("start() returned while run() is still going").isZero();
        Thread worker = probe.thread.get();
        assertThat(worker).isNotSameAs(Thread.currentThread());
        assertThat(worker.isDaemon()).isTrue();
        assertThat(worker.getName()).startsWith("org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution [#");
        assertThat(probe.getStatus()).isEqualTo("running in thread: " + worker.getName());
        assertThat(probe.blocksRestart()).isTrue();

        probe.release.countDown();
        assertThat(context.awaitOutcome(WAIT)).isTrue();
        assertThat(context.result()).isEqualTo("done");
    }

    @Test
    void thePoolThreadsContextLoaderSeesJenkinsButNotThePluginCoreOrTheirLibraries() throws Exception {
        Probe probe = new Probe(context());
        probe.start();
        probe.started.await(10, TimeUnit.SECONDS);
        ClassLoader contextLoader = probe.thread.get().getContextClassLoader();
        probe.release.countDown();

        assertThat(contextLoader).isNotSameAs(TenantStep.class.getClassLoader());
        assertThat(Class.forName(EnvVars.class.getName(), false, contextLoader)).as("core's own types").isNotNull();
        for (String hidden : new String[] {TenantStep.class.getName(), "io.tenantprovisioning.application.TenantPlatform",
                "org.postgresql.Driver", "org.flywaydb.core.Flyway"}) {
            assertThatThrownBy(() -> Class.forName(hidden, false, contextLoader)).as(hidden)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(contextLoader.getResource("db/registry")).as("the registry's migrations").isNull();
    }

    @Test
    void stopFailsTheStepAtOnceInterruptsTheWorkerAndSuppressesItsLateFailure() throws Exception {
        RecordingStepContext context = context();
        Probe probe = new Probe(context);
        probe.start();
        probe.started.await(10, TimeUnit.SECONDS);
        InterruptedException abort = new InterruptedException("aborted by the test");

        probe.stop(abort);

        assertThat(context.awaitOutcome(Duration.ZERO)).as("the step failed at once").isTrue();
        assertThat(context.failure()).isSameAs(abort);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (abort.getSuppressed().length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the worker reports its own end after the stop, on its own thread
        }
        assertThat(abort.getSuppressed()).as("the worker's own InterruptedException, not a second outcome")
                .singleElement().isInstanceOf(InterruptedException.class);
        assertThat(context.outcomes()).isEqualTo(1);
    }

    @Test
    void onResumeFailsTheStepItNeverSurvivesARestart() {
        RecordingStepContext context = context();

        new Probe(context).onResume();

        assertThat(context.failure()).isInstanceOf(SynchronousResumeNotSupportedException.class)
                .hasMessageContaining("cannot be resumed after a controller restart");
        assertThat(new Probe(context()).getStatus()).isEqualTo("not yet scheduled");
    }
}
