package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact argv of every command, as terraform-exec's *_test.go check them: no binary needed. */
class TerraformRunnerArgvTest {

    @Test
    void initDefaults() {
        assertThat(TerraformRunner.argv(InitOptions.DEFAULTS)).containsExactly("init", "-input=false", "-no-color");
    }

    @Test
    void initWithBackendConfigPairsInOrderAndReconfigure() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("bucket", "tf-state");
        pairs.put("region", "ap-south-1");
        InitOptions options = InitOptions.DEFAULTS.withBackendConfig(pairs).withReconfigure(true);
        assertThat(TerraformRunner.argv(options)).containsExactly("init", "-input=false", "-no-color", "-reconfigure",
                "-backend-config=bucket=tf-state", "-backend-config=region=ap-south-1");
    }

    @Test
    void initWithoutBackend() {
        assertThat(TerraformRunner.argv(InitOptions.DEFAULTS.withBackend(false)))
                .containsExactly("init", "-input=false", "-no-color", "-backend=false");
    }

    @Test
    void workspaceSelectOrCreateAndDelete() {
        assertThat(TerraformRunner.workspaceSelectArgv("t-acme-corp"))
                .containsExactly("workspace", "select", "-no-color", "-or-create", "t-acme-corp");
        assertThat(TerraformRunner.workspaceDeleteArgv("t-acme-corp"))
                .containsExactly("workspace", "delete", "-no-color", "t-acme-corp");
    }

    @Test
    void workspaceNameThatCouldBeAFlagIsRefused() {
        assertThatThrownBy(() -> TerraformRunner.workspaceSelectArgv("-force"))
                .isInstanceOf(TerraformException.class).hasMessageContaining("'-force'");
        assertThatThrownBy(() -> TerraformRunner.workspaceDeleteArgv("a b"))
                .isInstanceOf(TerraformException.class);
    }

    @Test
    void planDefaults() {
        assertThat(TerraformRunner.argv(PlanOptions.DEFAULTS)).containsExactly("plan", "-input=false", "-no-color",
                "-out=tenant.tfplan", "-json", "-detailed-exitcode");
    }

    @Test
    void planDestroyWithVarFilesAndLockTimeout() {
        PlanOptions options = PlanOptions.DEFAULTS.withOut(Path.of("destroy.tfplan")).withDestroy(true)
                .withLockTimeout(Duration.ofSeconds(30)).withVarFiles(List.of(Path.of("a.tfvars"), Path.of("b.tfvars.json")));
        assertThat(TerraformRunner.argv(options)).containsExactly("plan", "-input=false", "-no-color",
                "-out=destroy.tfplan", "-json", "-detailed-exitcode", "-destroy", "-lock-timeout=30s",
                "-var-file=a.tfvars", "-var-file=b.tfvars.json");
    }

    @Test
    void subSecondLockTimeoutIsNotRoundedAway() {
        assertThat(TerraformRunner.argv(PlanOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(1500))))
                .contains("-lock-timeout=1500ms");
    }

    @Test
    void showApplyOutputAndState() {
        assertThat(TerraformRunner.showPlanArgv(Path.of("tenant.tfplan")))
                .containsExactly("show", "-json", "-no-color", "tenant.tfplan");
        assertThat(TerraformRunner.applyArgv(Path.of("tenant.tfplan")))
                .containsExactly("apply", "-json", "-input=false", "tenant.tfplan");
        assertThat(TerraformRunner.outputArgv()).containsExactly("output", "-json", "-no-color");
        assertThat(TerraformRunner.showStateArgv()).containsExactly("show", "-json", "-no-color");
    }

    @Test
    void destroyDefaultsAndOptions() {
        assertThat(TerraformRunner.argv(DestroyOptions.DEFAULTS))
                .containsExactly("destroy", "-json", "-auto-approve", "-input=false");
        assertThat(TerraformRunner.argv(DestroyOptions.DEFAULTS.withLockTimeout(Duration.ofMinutes(2))
                .withVarFiles(List.of(Path.of("x.tfvars")))))
                .containsExactly("destroy", "-json", "-auto-approve", "-input=false", "-lock-timeout=120s",
                        "-var-file=x.tfvars");
    }

    @Test
    void negativeLockTimeoutIsRefused() {
        assertThatThrownBy(() -> PlanOptions.DEFAULTS.withLockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DestroyOptions.DEFAULTS.withLockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
