package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.progress.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process runner driven with real /bin/sh processes standing in for the binary (argv[0] is the
 * configured binary, so "sh -c script" exercises the same code path as "tofu plan …").
 */
class TerraformProcessRunnerTest {

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = (step, message) -> log.add(step + ": " + message);

    private TerraformProcessRunner sh() {
        return new TerraformProcessRunner("/bin/sh", new LocalProcessLauncher(), listener);
    }

    private TerraformProcessRunner.Execution run(TerraformProcessRunner runner, String script,
                                                 TerraformProcessRunner.Output output) {
        return runner.run(List.of("-c", script), dir, output);
    }

    @Test
    void setsTheAutomationEnvironmentAndBlanksInheritedOverrides() {
        TerraformProcessRunner.Execution e = run(sh().withEnvironment(Map.of("MY_VAR", "mine")),
                "echo \"auto=$TF_IN_AUTOMATION log=[$TF_LOG] ws=[$TF_WORKSPACE] args=[$TF_CLI_ARGS] my=$MY_VAR\"; pwd",
                TerraformProcessRunner.Output.TEXT);
        assertThat(e.exitCode()).isZero();
        assertThat(e.stdout()).contains("auto=1 log=[] ws=[] args=[] my=mine").contains(dir.toString());
        assertThat(log).anyMatch(l -> l.endsWith("auto=1 log=[] ws=[] args=[] my=mine"));
    }

    @Test
    void refusesReservedVariablesFromCallers() {
        for (String name : List.of("TF_LOG", "TF_IN_AUTOMATION", "TF_WORKSPACE", "TF_CLI_ARGS", "TF_CLI_ARGS_plan",
                "TF_INPUT", "TF_LOG_PATH")) {
            assertThatThrownBy(() -> sh().withEnvironment(Map.of(name, "x")))
                    .isInstanceOf(TerraformException.class).hasMessageContaining(name)
                    .extracting(ex -> ((TerraformException) ex).code()).isEqualTo(TerraformErrorCode.INVALID_USAGE);
            assertThatThrownBy(() -> sh().withSecretEnvironment(Map.of(name, Secret.of("x"))))
                    .isInstanceOf(TerraformException.class);
        }
    }

    @Test
    void secretEnvironmentReachesTheProcessButNeverTheLogOrTheFailure() {
        String password = "hunter2-" + System.nanoTime();
        TerraformProcessRunner runner = sh()
                .withSecretEnvironment(Map.of("PG_CONN_STR", Secret.of("postgres://u:" + password + "@h/db")))
                .withMasked(List.of(Secret.of(password)));
        TerraformProcessRunner.Execution e = run(runner,
                "echo \"stdout $PG_CONN_STR\"; "
                        + "pw=$(echo $PG_CONN_STR | cut -d: -f3 | cut -d@ -f1); "
                        + "echo \"connect failed: $PG_CONN_STR (pw $pw)\" >&2; exit 1",
                TerraformProcessRunner.Output.TEXT);
        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.stderr()).contains("connect failed: ****").doesNotContain(password);
        assertThat(e.stdout()).contains("stdout ****").doesNotContain(password);
        assertThat(log).anyMatch(l -> l.contains("stderr: connect failed: ****"));
        assertThat(String.join("\n", log)).doesNotContain(password);
        TerraformException failure = new TerraformException(TerraformErrorCode.PLAN_FAILED, "x", List.of(), e.stderr());
        assertThat(failure.getMessage()).doesNotContain(password);
    }

    @Test
    void capturedJsonIsKeptButNeverLogged() {
        TerraformProcessRunner.Execution e = run(sh(), "echo '{\"api_token\":{\"value\":\"tok-captured\"}}'",
                TerraformProcessRunner.Output.CAPTURE);
        assertThat(e.stdout()).contains("tok-captured");
        assertThat(log).noneMatch(l -> l.contains("tok-captured") && !l.startsWith("terraform -c: $ "));
    }

    @Test
    void eventsAreParsedAndLoggedAsReadableLines() {
        TerraformProcessRunner.Execution e = run(sh(),
                "echo '{\"@message\":\"OpenTofu 1.11.14\",\"tofu\":\"1.11.14\",\"type\":\"version\",\"ui\":\"1.2\"}';"
                        + "echo '{\"outputs\":{\"t\":{\"sensitive\":true,\"value\":\"tok-in-event\"}},\"type\":\"outputs\"}'",
                TerraformProcessRunner.Output.EVENTS);
        assertThat(e.events()).hasSize(2);
        assertThat(log).contains("terraform -c: OpenTofu 1.11.14 (machine-readable UI 1.2)",
                "terraform -c: outputs: t (sensitive)");
        assertThat(log).noneMatch(l -> l.contains("tok-in-event") && !l.startsWith("terraform -c: $ "));
    }

    @Test
    void timeoutStopsGracefullyFirst() {
        TerraformProcessRunner runner = sh().withTimeout(Duration.ofSeconds(1)).withGracePeriod(Duration.ofSeconds(30));
        assertThatThrownBy(() -> run(runner, "trap 'echo releasing the lock >&2; exit 143' TERM; "
                + "while :; do sleep 0.2; done", TerraformProcessRunner.Output.TEXT))
                .isInstanceOfSatisfying(TerraformTimeoutException.class, t -> {
                    assertThat(t.stoppedGracefully()).isTrue();
                    assertThat(t.code()).isEqualTo(TerraformErrorCode.TIMEOUT);
                    assertThat(t.stderr()).contains("releasing the lock");
                    assertThat(t.getMessage()).contains("stopped gracefully");
                });
    }

    @Test
    void timeoutKillsAProcessThatIgnoresTheStopRequest() {
        TerraformProcessRunner runner = sh().withTimeout(Duration.ofSeconds(1)).withGracePeriod(Duration.ofSeconds(1));
        assertThatThrownBy(() -> run(runner, "trap '' TERM; exec sleep 30", TerraformProcessRunner.Output.TEXT))
                .isInstanceOfSatisfying(TerraformTimeoutException.class, t -> {
                    assertThat(t.stoppedGracefully()).isFalse();
                    assertThat(t.getMessage()).contains("was killed");
                });
        assertThat(log).anyMatch(l -> l.contains("killing it"));
    }

    @Test
    void aMissingBinaryIsALaunchFailureNamingTheSetting() {
        TerraformProcessRunner runner = new TerraformProcessRunner(dir.resolve("no-such-tofu").toString(),
                new LocalProcessLauncher(), listener);
        assertThatThrownBy(() -> runner.run(List.of("version"), dir, TerraformProcessRunner.Output.TEXT))
                .isInstanceOf(TerraformException.class).hasMessageContaining("TERRAFORM_BIN")
                .extracting(ex -> ((TerraformException) ex).code()).isEqualTo(TerraformErrorCode.LAUNCH_FAILED);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new TerraformProcessRunner(" ", new LocalProcessLauncher(), listener))
                .hasMessageContaining("TERRAFORM_BIN");
        assertThatThrownBy(() -> sh().withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
    }
}
