package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.LocalProcessLauncher;
import io.tenantprovisioning.engine.terraform.PgBackend;
import io.tenantprovisioning.engine.terraform.PlanOptions;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.StateEncryption;
import io.tenantprovisioning.engine.terraform.TerraformProcessRunner;
import io.tenantprovisioning.engine.terraform.TerraformRunner;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approvers see the real plan (issue #16 item 6, #15 item 4), through the platform on the real OpenTofu binary with
 * the provider-free root (a copy of the repository's terraform/, so a test can change the root after approval), a
 * registry of its own and the real local services: the plan is saved before approval and recorded with the request,
 * each decision records its SHA-256, the apply uses exactly that plan, and a plan file changed after approval or a
 * root changed after approval sends the request back to PENDING_APPROVAL with a new plan, for which the decisions on
 * the old one do not count.
 */
@Tag("opentofu")
class PlanBoundApprovalTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path home;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private ThrowawayRegistry throwaway;
    private TenantPlatform platform;
    private Registry registry;

    @BeforeEach
    void open() throws IOException {
        copyTree(Path.of("").toAbsolutePath().getParent().resolve("terraform"), home.resolve("terraform")); // in core/
        throwaway = ThrowawayRegistry.create();
        Settings settings = TestServices.settingsIn(dataDir, Map.of(Setting.REGISTRY_DB_SCHEMA, throwaway.schema(),
                Setting.TENANTCTL_HOME, home.toString(), Setting.TERRAFORM_MODULE_DIR, "terraform/local"));
        platform = TenantPlatform.open(settings, progress());
        registry = platform.services().registry();
    }

    @AfterEach
    void close() throws Exception {
        platform.close();
        throwaway.close();
    }

    @Test
    void theApproverDecidesOnTheSavedPlanAndTheApplyUsesExactlyIt() throws Exception {
        Slug slug = TestServices.uniqueSlug("planbind");
        PipelineOutcome outcome = platform.job().run(needsCfo(slug), "requester@plan.example", EngineKind.TERRAFORM,
                progress());
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        UUID requestId = UUID.fromString(((PipelineOutcome.AwaitingApproval) outcome).submission().requestId());

        RequestPlan plan = registry.requestPlans().current(requestId).orElseThrow();
        assertThat(plan.engine()).isEqualTo("terraform");
        assertThat(plan.autoApproved()).isFalse();
        assertThat(plan.planSha256()).matches("[0-9a-f]{64}").isEqualTo(sha256(planFile(slug)));
        assertThat(plan.summary()).contains("+ create  terraform_data.bucket");
        assertThat(platform.ledger().details(slug).plans()).containsExactly(plan);
        assertThat(audit(slug, "plan")).singleElement().asString().contains(plan.planSha256(), "terraform_data.bucket",
                "for approval by [CFO]");

        Actor cfo = Actor.stated("cfo@plan.example");
        String stale = "0".repeat(64);
        assertThatThrownBy(() -> platform.decideHandler().decideOnPlan(slug, stale, ApproverGroup.CFO, cfo,
                Verdict.APPROVED, "saw another plan")).isInstanceOf(ApprovalException.class)
                .hasMessageContaining("is not the current plan");
        assertThat(registry.approvals().forRequest(requestId)).as("nothing recorded").isEmpty();

        platform.decideHandler().decideOnPlan(slug, plan.planSha256(), ApproverGroup.CFO, cfo, Verdict.APPROVED, "ok");
        assertThat(registry.approvals().forRequest(requestId)).singleElement()
                .extracting(ApprovalRecord::planSha256).isEqualTo(plan.planSha256());

        assertThat(platform.job().resume(slug, EngineKind.TERRAFORM, progress())).as(String.join("\n", log))
                .isInstanceOf(PipelineOutcome.Activated.class);
        assertThat(audit(slug, "terraform-plan-applied")).singleElement().asString()
                .contains("plan sha256 " + plan.planSha256(), "CFO APPROVED by cfo@plan.example");
        assertThat(registry.requestPlans().forRequest(requestId)).as("planned once").hasSize(1);
        assertThat(platform.offboard(slug, progress()).complete()).as(String.join("\n", log)).isTrue();
    }

    @Test
    void aPlanOrRootChangedAfterApprovalSendsTheRequestBackForApproval() throws Exception {
        Slug slug = TestServices.uniqueSlug("planback");
        platform.job().run(needsCfo(slug), "requester@plan.example", EngineKind.TERRAFORM, progress());
        UUID requestId = registry.tenants().require(slug).requestId();
        Actor cfo = Actor.stated("cfo@plan.example");
        String first = approveCurrentPlan(slug, requestId, cfo);

        // the saved plan changed after the approval: refused, nothing applied, back to approval with a new plan
        Files.write(planFile(slug), new byte[] {'x'}, StandardOpenOption.APPEND);
        PipelineOutcome refused = platform.job().resume(slug, EngineKind.TERRAFORM, progress());
        assertThat(refused).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(registry.journal().entries(registry.tenants().require(slug).id())).as("nothing created").isEmpty();
        assertThat(audit(slug, "plan-refused")).singleElement().asString().contains("but the approved plan had "
                + first);
        String second = registry.requestPlans().current(requestId).orElseThrow().planSha256();
        assertThat(second).isNotEqualTo(first).isEqualTo(sha256(planFile(slug)));
        assertThatThrownBy(() -> platform.job().resume(slug, EngineKind.TERRAFORM, progress()))
                .as("the decision on the old plan does not count").hasMessageContaining("PENDING_APPROVAL");
        assertThatThrownBy(() -> platform.decideHandler().decideOnPlan(slug, first, ApproverGroup.CFO, cfo,
                Verdict.APPROVED, "the old plan")).hasMessageContaining("is not the current plan");
        assertThat(approveCurrentPlan(slug, requestId, cfo)).as("the same CFO decides again, on the new plan")
                .isEqualTo(second);

        // the root changed after the approval (a new module version deployed): refused the same way
        Files.writeString(home.resolve("terraform/local/outputs.tf"), "\noutput \"deployed_later\" {\n  value = 1\n}\n",
                StandardOpenOption.APPEND);
        assertThat(platform.job().resume(slug, EngineKind.TERRAFORM, progress())).as(String.join("\n", log))
                .isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        assertThat(audit(slug, "plan-refused")).last().asString().contains("the root module or the variables");
        String third = approveCurrentPlan(slug, requestId, cfo);
        assertThat(third).isNotIn(first, second);

        assertThat(platform.job().resume(slug, EngineKind.TERRAFORM, progress())).as(String.join("\n", log))
                .isInstanceOf(PipelineOutcome.Activated.class);
        assertThat(audit(slug, "terraform-plan-applied")).singleElement().asString().contains("plan sha256 " + third);
        assertThat(registry.approvals().forRequest(requestId)).extracting(ApprovalRecord::planSha256)
                .containsExactly(first, second, third);
        assertThat(platform.offboard(slug, progress()).complete()).as(String.join("\n", log)).isTrue();
    }

    @Test
    void aPlanTerraformFindsStaleAtTheApplyGoesBackToApprovalFromProvisioning() throws Exception {
        Slug slug = TestServices.uniqueSlug("planstale");
        platform.job().run(needsCfo(slug), "requester@plan.example", EngineKind.TERRAFORM, progress());
        UUID requestId = registry.tenants().require(slug).requestId();
        Actor cfo = Actor.stated("cfo@plan.example");
        String approved = approveCurrentPlan(slug, requestId, cfo);
        // someone applies another plan in the tenant's workspace after the approval: the approved file and its
        // inputs are untouched, but the state it was planned against has moved on
        TerraformRunner intruder = runnerIn(planFile(slug).getParent(), slug);
        intruder.apply(intruder.plan(PlanOptions.DEFAULTS.withOut(Path.of("intruder.tfplan"))).planFile());

        PipelineOutcome refused = platform.job().resume(slug, EngineKind.TERRAFORM, progress());

        assertThat(refused).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.AwaitingApproval.class);
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(audit(slug, "plan-refused")).singleElement().asString()
                .contains("refused the saved plan " + approved + " as stale");
        assertThat(registry.audit().forTenant(slug.value())).filteredOn(r -> "PROVISIONING".equals(r.fromState())
                && "PENDING_APPROVAL".equals(r.toState())).hasSize(1);
        // what a pipeline's post { failure { rollbackTenant } } does next: nothing was applied, so a no-op success
        // that says why and leaves the pending request (its new plan) as it is
        String pending = registry.requestPlans().current(requestId).orElseThrow().planSha256();
        RollbackResult none = platform.rollback(slug, progress());
        assertThat(none).isInstanceOf(RollbackResult.NothingApplied.class);
        assertThat(none.complete()).isTrue();
        assertThat(none.summary()).contains("PENDING_APPROVAL", "nothing was applied", "left as it is");
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(registry.requestPlans().current(requestId).orElseThrow().planSha256()).isEqualTo(pending);
        String next = approveCurrentPlan(slug, requestId, cfo);
        assertThat(next).isNotEqualTo(approved);
        assertThat(platform.job().resume(slug, EngineKind.TERRAFORM, progress())).as(String.join("\n", log))
                .isInstanceOf(PipelineOutcome.Activated.class);
        assertThat(platform.offboard(slug, progress()).complete()).as(String.join("\n", log)).isTrue();
    }

    @Test
    void theDirectEngineSavesNoPlanAndItsDecisionsNameNone() {
        Slug slug = TestServices.uniqueSlug("plandirect");
        PipelineOutcome outcome = platform.job().run(needsCfo(slug), "requester@plan.example", EngineKind.DIRECT,
                progress());
        UUID requestId = UUID.fromString(((PipelineOutcome.AwaitingApproval) outcome).submission().requestId());
        platform.decideHandler().decide(slug, ApproverGroup.CFO, Actor.stated("cfo@plan.example"), Verdict.APPROVED,
                "ok");
        assertThat(registry.requestPlans().forRequest(requestId)).isEmpty();
        assertThat(registry.approvals().forRequest(requestId)).singleElement()
                .extracting(ApprovalRecord::planSha256).isNull();
        assertThat(registry.tenants().require(slug).state()).isEqualTo(TenantState.APPROVED);
    }

    /** Approves the request's current plan as {@code cfo}; returns its SHA-256. */
    private String approveCurrentPlan(Slug slug, UUID requestId, Actor cfo) {
        String sha = registry.requestPlans().current(requestId).orElseThrow().planSha256();
        ApprovalOutcome decided = platform.decideHandler().decideOnPlan(slug, sha, ApproverGroup.CFO, cfo,
                Verdict.APPROVED, "approved plan " + sha);
        assertThat(decided.state()).isEqualTo(TenantState.APPROVED);
        return sha;
    }

    /** Silver above the auto-approve threshold: the CFO decides. */
    private static RequestDraft needsCfo(Slug slug) {
        return new RequestDraft(slug.value(), "silver", "us-east-1", "1500000", "owner@plan.example", "INTERNAL",
                "NONE", false, null, null);
    }

    private List<String> audit(Slug slug, String action) {
        return registry.audit().forTenant(slug.value()).stream().filter(r -> r.action().equals(action))
                .map(AuditRecord::reason).toList();
    }

    private Path planFile(Slug slug) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("terraform").resolve(slug.value()))) {
            return files.filter(p -> p.getFileName().toString().equals("tenant.tfplan")).findFirst().orElseThrow();
        }
    }

    /** A runner of this test's own in the tenant's working folder: the pg backend and the tenant's state key. */
    private TerraformRunner runnerIn(Path dir, Slug slug) {
        Settings settings = platform.settings();
        PgBackend backend = PgBackend.fromSettings(settings, PgBackend.DEFAULT_SCHEMA);
        TerraformProcessRunner process = new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN),
                new LocalProcessLauncher(), progress()).withEnvironment(ProviderMirror.fromSettings(settings).environment())
                .withSecretEnvironment(backend.secretEnvironment()).withSecretEnvironment(StateEncryption.environment(
                        platform.services().vault().get(slug, StateEncryption.VAULT_NAME).orElseThrow()));
        return new TerraformRunner(process, dir, backend.lockInspector());
    }

    private ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.filter(p -> !p.toString().contains("/.terraform")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
