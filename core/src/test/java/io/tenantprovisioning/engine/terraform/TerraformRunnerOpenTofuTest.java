package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against the real OpenTofu binary and the pg backend on the test PostgreSQL: a full
 * lifecycle with a typed plan summary, plan errors, a failure mid-apply leaving partial state. Lock
 * and timeout behaviour is in {@link TerraformLockingOpenTofuTest}.
 */
@Tag("opentofu")
class TerraformRunnerOpenTofuTest {

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
    void planShowApplyOutputChangeAndDestroy() throws Exception {
        Slug slug = TestServices.uniqueSlug("tf");
        TenantWorkspace ws = fx.prepare(slug, "a", Map.of());
        assertThat(Files.readString(ws.dir().resolve(TenantWorkspace.TFVARS_FILE)))
                .contains("\"tenant_slug\" : \"" + slug + "\"", "\"sql_identifier\" : \"" + slug.sqlIdentifier() + "\"");
        TerraformRunner tf = ws.open(fx.base());

        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        assertThat(plan.status()).isEqualTo(PlanStatus.CHANGES);
        PlanSummary summary = tf.show(plan.planFile());
        assertThat(summary.creates()).containsExactlyInAnyOrder("module.schema.terraform_data.this",
                "terraform_data.bucket", "terraform_data.extra[0]", "terraform_data.monitoring",
                "terraform_data.signing_key");
        assertThat(summary.updates()).isEmpty();
        assertThat(summary.planSha256()).hasSize(64);

        Path otherPlan = tf.plan(PlanOptions.DEFAULTS.withOut(Path.of("other.tfplan"))).planFile();
        assertThatThrownBy(() -> tf.apply(otherPlan, summary.planSha256()))
                .isInstanceOfSatisfying(TerraformException.class,
                        e -> assertThat(e.code()).isEqualTo(TerraformErrorCode.PLAN_NOT_APPROVED));
        assertThat(tf.stateList()).isEmpty();

        ApplyResult applied = tf.apply(plan.planFile(), summary.planSha256());
        assertThat(applied.added()).isEqualTo(5);
        assertThat(applied.completed()).hasSize(5).contains("terraform_data.bucket");
        TerraformOutputs outputs = tf.output();
        assertThat(outputs.text("schema_name")).isEqualTo(slug.sqlIdentifier());
        assertThat(outputs.text("bucket_name")).isEqualTo("tenant-" + slug);
        assertThat(outputs.text("tier")).isEqualTo("Gold");
        String token = outputs.secret("api_token").reveal();
        assertThat(token).startsWith("tok-");
        assertThat(tf.stateList()).hasSize(5).contains("module.schema.terraform_data.this");

        assertThat(tf.plan(PlanOptions.DEFAULTS).status()).isEqualTo(PlanStatus.NO_CHANGES);

        Files.writeString(ws.dir().resolve("change.tfvars.json"),
                "{\"revision\": 2, \"key_generation\": 2, \"with_extra\": false}");
        PlanResult change = tf.plan(PlanOptions.DEFAULTS.withOut(Path.of("change.tfplan"))
                .withVarFiles(List.of(Path.of("change.tfvars.json"))));
        PlanSummary changes = tf.show(change.planFile());
        assertThat(changes.creates()).containsExactly("terraform_data.vector[0]");
        assertThat(changes.updates()).containsExactly("terraform_data.bucket");
        assertThat(changes.replaces()).containsExactly("terraform_data.signing_key");
        assertThat(changes.deletes()).containsExactly("terraform_data.extra[0]");
        assertThat(changes.planSha256()).isNotEqualTo(summary.planSha256());
        ApplyResult changed = tf.apply(change.planFile());
        assertThat(List.of(changed.added(), changed.changed(), changed.destroyed())).containsExactly(2, 1, 2);
        String rotatedToken = tf.output().secret("api_token").reveal();

        ApplyResult destroyed = tf.destroy(DestroyOptions.DEFAULTS.withVarFiles(List.of(Path.of("change.tfvars.json"))));
        assertThat(destroyed.destroyed()).isEqualTo(5);
        assertThat(tf.stateList()).isEmpty();
        tf.workspaceDelete(ws.workspaceName());

        assertThat(fx.log).contains("terraform plan: + create terraform_data.bucket",
                "terraform plan: plan: 5 to add, 0 to change, 0 to destroy",
                "terraform apply: outputs: api_token (sensitive), bucket_name, schema_name, tags, tier",
                "terraform apply: apply complete: 5 added, 0 changed, 0 destroyed",
                "terraform plan: -/+ replace terraform_data.signing_key (because cannot update)",
                "terraform plan: - delete terraform_data.extra[0] (because count index)",
                "terraform destroy: destroy complete: 0 added, 0 changed, 5 destroyed");
        assertThat(fx.log).anyMatch(l -> l.matches(
                "terraform apply: terraform_data\\.bucket: create complete after \\d+ s \\[id=[0-9a-f-]+\\]"));
        assertThat(fx.log).anyMatch(l -> l.startsWith("terraform apply: OpenTofu 1."));
        assertThat(fx.log).noneMatch(l -> l.contains(token) || l.contains(rotatedToken) || l.contains(fx.dbPassword()));
    }

    @Test
    void invalidVariableIsATypedPlanErrorWithFileAndLine() throws Exception {
        TenantWorkspace ws = fx.prepare(TestServices.uniqueSlug("tf"), "a", Map.of());
        TerraformRunner tf = ws.open(fx.base());
        Files.writeString(ws.dir().resolve("bad.tfvars.json"), "{\"tier\": \"Platinum\"}");

        assertThatThrownBy(() -> tf.plan(PlanOptions.DEFAULTS.withVarFiles(List.of(Path.of("bad.tfvars.json")))))
                .isInstanceOfSatisfying(TerraformException.class, e -> {
                    assertThat(e.code()).isEqualTo(TerraformErrorCode.PLAN_FAILED);
                    assertThat(e.diagnostics()).anySatisfy(d -> {
                        assertThat(d.isError()).isTrue();
                        assertThat(d.detail()).contains("tier must be Gold, Silver or Bronze.");
                        assertThat(d.filename()).isNotEmpty();
                        assertThat(d.line()).isPositive();
                    });
                    assertThat(e.getMessage()).contains("tier must be Gold, Silver or Bronze.");
                });
        assertThat(fx.log).anyMatch(l -> l.startsWith("terraform plan: error: ") && l.matches(".*\\(\\S+:\\d+.*"));
        assertThat(tf.stateList()).isEmpty();
    }

    @Test
    void failureMidApplyReportsPartialStateThatDestroyRemoves() throws Exception {
        TenantWorkspace ws = fx.prepare(TestServices.uniqueSlug("tf"), "a", Map.of("fail_mid_apply", true));
        TerraformRunner tf = ws.open(fx.base());
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        assertThat(tf.show(plan.planFile()).creates()).contains("terraform_data.gate[0]", "terraform_data.monitoring");

        assertThatThrownBy(() -> tf.apply(plan.planFile()))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(TerraformErrorCode.APPLY_FAILED);
                    assertThat(e.resourcesInState()).containsExactlyInAnyOrder("module.schema.terraform_data.this",
                            "terraform_data.bucket", "terraform_data.extra[0]", "terraform_data.signing_key");
                    assertThat(e.completed()).containsExactlyInAnyOrderElementsOf(e.resourcesInState());
                    assertThat(e.untracked()).isEmpty();
                    assertThat(e.diagnostics()).anySatisfy(d -> {
                        assertThat(d.summary()).isEqualTo("Resource precondition failed");
                        assertThat(d.detail()).contains("refuses on purpose");
                        assertThat(d.filename()).isEqualTo("main.tf");
                    });
                    assertThat(e.getMessage()).contains("left in state (destroy removes them): ")
                            .contains("terraform_data.signing_key").doesNotContain("terraform_data.monitoring");
                });

        ApplyResult destroyed = tf.destroy(DestroyOptions.DEFAULTS);
        assertThat(destroyed.destroyed()).isEqualTo(4);
        assertThat(tf.stateList()).isEmpty();
    }
}
