package io.tenantprovisioning.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.engine.terraform.LaunchedProcess;
import io.tenantprovisioning.engine.terraform.ProcessLauncher;
import io.tenantprovisioning.engine.terraform.ProcessSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher decorator targets the Terraform subcommand and fails before anything starts. */
class FaultInjectingLauncherTest {

    /** A process that already exited 0 with no output. */
    static final class ExitedProcess implements LaunchedProcess {
        @Override
        public InputStream stdout() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public InputStream stderr() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public boolean waitFor(Duration timeout) {
            return true;
        }

        @Override
        public int exitCode() {
            return 0;
        }

        @Override
        public void requestStop() {
        }

        @Override
        public void kill() {
        }
    }

    private final List<List<String>> launched = new ArrayList<>();
    private final LaunchedProcess process = new ExitedProcess();
    private final ProcessLauncher recording = spec -> {
        launched.add(spec.command());
        return process;
    };

    private static ProcessSpec tofu(String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/tofu"));
        command.addAll(Arrays.asList(args));
        return new ProcessSpec(command, Path.of("."), Map.of(), Map.of("PG_CONN_STR", Secret.of("postgres://x:pw@h")));
    }

    @Test
    void theTargetIsTheSubcommandAfterGlobalOptions() {
        assertThat(FaultInjectingLauncher.subcommand(tofu("apply", "-json", "plan.tfplan").command()))
                .isEqualTo("apply");
        assertThat(FaultInjectingLauncher.subcommand(tofu("-chdir=/tmp/x", "workspace", "select").command()))
                .isEqualTo("workspace");
        assertThat(FaultInjectingLauncher.subcommand(tofu().command())).isEqualTo(FaultPoint.ANY);
        assertThat(FaultInjectingLauncher.subcommand(tofu("frobnicate").command())).isEqualTo(FaultPoint.ANY);
    }

    @Test
    void failsBeforeLaunchingTheArmedSubcommandOnly() throws Exception {
        ProcessLauncher launcher = new FaultInjectingLauncher(recording, FaultPlan.parse("process-launch:apply=fail"));
        assertThat(launcher.launch(tofu("init", "-input=false"))).isSameAs(process);
        assertThat(launcher.launch(tofu("plan", "-out=plan.tfplan"))).isSameAs(process);
        assertThatThrownBy(() -> launcher.launch(tofu("apply", "-json", "plan.tfplan")))
                .isInstanceOf(InjectedFault.class)
                .hasMessage("injected fault at process-launch:apply (armed as process-launch:apply=fail)");
        assertThat(launcher.launch(tofu("destroy", "-auto-approve"))).isSameAs(process);
        assertThat(launched).extracting(c -> c.get(1)).containsExactly("init", "plan", "destroy");
    }

    @Test
    void failTimesLetsTheRetriedApplyStart() throws Exception {
        ProcessLauncher launcher = new FaultInjectingLauncher(recording,
                FaultPlan.parse("process-launch:apply=fail-times:1"));
        assertThatThrownBy(() -> launcher.launch(tofu("apply"))).isInstanceOf(InjectedFault.class);
        assertThat(launcher.launch(tofu("apply"))).isSameAs(process);
        assertThat(launched).hasSize(1);
    }

    @Test
    void anUnknownSubcommandIsReachedAsAnyTarget() {
        ProcessLauncher byName = new FaultInjectingLauncher(recording, FaultPlan.parse("process-launch:apply=fail"));
        assertThatCode(() -> byName.launch(tofu("frobnicate"))).doesNotThrowAnyException();
        ProcessLauncher any = new FaultInjectingLauncher(recording, FaultPlan.parse("process-launch:*=fail"));
        assertThatThrownBy(() -> any.launch(tofu("frobnicate"))).hasMessageContaining("process-launch:*");
    }
}
