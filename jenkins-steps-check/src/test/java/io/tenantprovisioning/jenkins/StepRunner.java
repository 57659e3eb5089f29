package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.Settings;

import io.tenantprovisioning.config.Setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a step the way Pipeline does (start → execution.start, which hands run() to the
 * non-blocking pool and returns) against a recorded engine, and waits for its one outcome.
 */
final class StepRunner {

    static final Map<String, String> BUILD_ENV = Map.of(
            "BUILD_TAG", "jenkins-tenants-provision-42",
            "JOB_NAME", "tenants/provision",
            "BUILD_NUMBER", "42");
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(30);

    final RecordedOperations ops = new RecordedOperations();
    private final Map<String, String> env = new HashMap<>(BUILD_ENV);
    private final Map<Setting, String> controller = new java.util.EnumMap<>(Setting.class);
    private Exception controllerFailure;
    private Path workspace;
    /** When build #42 of tenants/provision was scheduled, in every test (its idempotency key is the same). */
    static final long SCHEDULED_AT = 1_796_000_000_000L;

    /** Started by a timer unless a test says who started it; nobody answered an input yet. */
    private RecordedBuild build = RecordedBuild.of("tenants/provision", 42, SCHEDULED_AT, null);

    /** A setting of the controller's global configuration (secrets as read from its credentials store). */
    StepRunner controller(Setting setting, String value) {
        controller.put(setting, value);
        return this;
    }

    /** A controller whose configuration cannot be read (not set up, a credential missing). */
    StepRunner failingController(Exception failure) {
        this.controllerFailure = failure;
        return this;
    }

    StepRunner env(String key, String value) {
        env.put(key, value);
        return this;
    }

    StepRunner workspace(Path dir) {
        this.workspace = dir;
        return this;
    }

    /** The build Jenkins would record as started by {@code userId}. */
    StepRunner startedBy(String userId) {
        this.build = RecordedBuild.of("tenants/provision", 42, SCHEDULED_AT, userId);
        return this;
    }

    /** The build as Jenkins records it (who answered its inputs is added there). */
    RecordedBuild build() {
        return build;
    }

    /** Runs the step to its one outcome; the context holds the result or the failure. */
    FakeStepContext run(TenantStep step) throws Exception {
        FakeStepContext context = FakeStepContext.of(env, workspace, build);
        boolean finishedSynchronously = step.useOperations(controllerFailure == null ? ops.provider(Settings.of(controller))
                : new OperationsProvider((settings, operator) -> ops, () -> {
                    throw controllerFailure;
                })).start(context).start();
        assertThat(finishedSynchronously).as("a non-blocking execution reports through the context").isFalse();
        assertThat(context.awaitOutcome(OUTCOME_TIMEOUT)).as("the step reported an outcome").isTrue();
        assertThat(context.outcomes()).as("onSuccess/onFailure called exactly once").isEqualTo(1);
        return context;
    }
}
