package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tenantprovisioning.engine.CreatedResources;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved plan approvers decide on, on the real OpenTofu binary with the provider-free root and the pg
 * backend: it is made once, kept in the tenant's working folder (mode 600) with the SHA-256 of its bytes, and
 * applied only if the file, its hash and the root and variables it was made from are unchanged; Terraform's own
 * "stale plan" refusal becomes the same binding refusal. Each refusal applies nothing. One test breaks the
 * binding on purpose (the runner's apply without the hash) and sees the refusal assertions fail.
 */
@Tag("opentofu")
class SavedPlansOpenTofuTest {

    @TempDir
    Path work;

    private TerraformEngineFixture fx;
    private TerraformEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        fx = new TerraformEngineFixture(work);
        engine = fx.engine(FailurePoints.none());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theApprovedPlanIsSavedPrivatelyAndAppliedExactly() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);

        EnginePlan plan = engine.planForApproval(spec, fx.progress()).orElseThrow();
        Path file = planFile(slug);
        assertThat(plan.engine()).isEqualTo("terraform");
        assertThat(plan.sha256()).isEqualTo(sha256(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(plan.summary()).contains("+ create  terraform_data.bucket", "+ create  terraform_data.api_token")
                .last().asString().matches("\\d+ to create, 0 to update, 0 to replace, 0 to delete");
        assertThat(String.join("\n", plan.summary())).as("addresses and actions only")
                .doesNotContain(slug.value());
        assertThat(fx.stateList(slug)).as("planning applies nothing").isEmpty();

        engine.verifyApprovedPlan(spec, plan.sha256(), fx.progress());
        CreatedResources created = engine.createFromApprovedPlan(spec, plan.sha256(), new RecordingJournal(),
                fx.progress());
        assertThat(created.engineOutputs()).containsEntry(TerraformEngine.PLAN_SHA256, plan.sha256());
        assertThat(fx.stateList(slug)).contains("terraform_data.bucket", "terraform_data.api_token");
        assertThat(file).as("the applied plan is deleted: it holds sensitive values").doesNotExist();
    }

    @Test
    void aSubstitutedPlanFileIsRefusedAndNothingIsApplied() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec bronze = TestTenants.spec(slug, Tier.BRONZE);
        byte[] other = otherPlanFor(slug);
        EnginePlan approved = engine.planForApproval(bronze, fx.progress()).orElseThrow();
        Files.write(planFile(slug), other);

        assertRefused(() -> engine.createFromApprovedPlan(bronze, approved.sha256(), new RecordingJournal(),
                fx.progress()), slug, "has SHA-256 " + sha256(planFile(slug)) + ", but the approved plan had "
                + approved.sha256());
    }

    @Test
    void withoutTheHashCheckTheSubstitutedPlanIsApplied() throws Exception {
        Slug slug = fx.slug();
        byte[] other = otherPlanFor(slug);
        EnginePlan approved = engine.planForApproval(TestTenants.spec(slug, Tier.BRONZE), fx.progress()).orElseThrow();
        Files.write(planFile(slug), other);
        TerraformRunner tf = openExisting(slug);

        // the binding broken on purpose: the same file applied without comparing its hash with the approved one
        Throwable red = catchThrowable(() -> assertRefused(() -> tf.apply(planFile(slug)), slug, approved.sha256()));
        assertThat(red).isInstanceOf(AssertionError.class);
        assertThat(fx.stateList(slug)).as("the plan nobody approved was applied (%s)", red.getMessage())
                .contains("terraform_data.unapproved", "terraform_data.bucket");
    }

    @Test
    void aMissingPlanFileIsRefused() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);
        EnginePlan approved = engine.planForApproval(spec, fx.progress()).orElseThrow();
        Files.delete(planFile(slug));

        assertRefused(() -> engine.createFromApprovedPlan(spec, approved.sha256(), new RecordingJournal(),
                fx.progress()), slug, "is not in its working folder");
    }

    @Test
    void variablesThatChangedAfterTheApprovalAreRefused() throws Exception {
        Slug slug = fx.slug();
        EnginePlan approved = engine.planForApproval(TestTenants.spec(slug, Tier.BRONZE), fx.progress())
                .orElseThrow();
        TenantResourceSpec silver = TestTenants.spec(slug, Tier.SILVER);

        assertRefused(() -> engine.createFromApprovedPlan(silver, approved.sha256(), new RecordingJournal(),
                fx.progress()), slug, "the root module or the variables of tenant '" + slug + "' changed since plan "
                + approved.sha256());
    }

    @Test
    void aRootThatChangedAfterTheApprovalIsRefused() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);
        EnginePlan approved = engine.planForApproval(spec, fx.progress()).orElseThrow();
        // the tenant's copy edited after approval: the copy that would be composed now differs from it
        Files.writeString(planFile(slug).resolveSibling("outputs.tf"), "\noutput \"extra\" { value = 1 }\n",
                StandardOpenOption.APPEND);

        assertRefused(() -> engine.createFromApprovedPlan(spec, approved.sha256(), new RecordingJournal(),
                fx.progress()), slug, "changed since plan " + approved.sha256());
    }

    @Test
    void aPlanTerraformCallsStaleIsABindingRefusal() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);
        EnginePlan approved = engine.planForApproval(spec, fx.progress()).orElseThrow();
        byte[] saved = Files.readAllBytes(planFile(slug));
        engine.createFromApprovedPlan(spec, approved.sha256(), new RecordingJournal(), fx.progress());
        // the same approved bytes put back after the state moved on: hash and inputs match, the state does not
        Files.write(planFile(slug), saved);

        assertThatThrownBy(() -> engine.createFromApprovedPlan(spec, approved.sha256(), new RecordingJournal(),
                fx.progress())).isInstanceOf(PlanBindingException.class)
                .hasMessageContaining("refused the saved plan " + approved.sha256() + " as stale")
                .hasMessageContaining("nothing was applied");
    }

    /**
     * The refusal every binding check must give: a {@link PlanBindingException} naming what differs, and nothing
     * in the tenant's state.
     */
    private void assertRefused(ThrowingCallable apply, Slug slug, String reason) {
        assertThatThrownBy(apply).isInstanceOf(PlanBindingException.class).hasMessageContaining(reason)
                .hasMessageContaining("nothing was applied");
        assertThat(fx.stateList(slug)).as("nothing applied").isEmpty();
    }

    /**
     * A valid plan for the same tenant, state and variables that nobody approved: made in its folder from a root
     * with one resource more ({@code terraform_data.unapproved}); the folder is prepared afresh afterwards.
     */
    private byte[] otherPlanFor(Slug slug) throws Exception {
        engine.planForApproval(TestTenants.spec(slug, Tier.BRONZE), fx.progress()).orElseThrow();
        Files.writeString(planFile(slug).resolveSibling("unapproved.tf"),
                "resource \"terraform_data\" \"unapproved\" {\n  input = \"not in the approved plan\"\n}\n");
        PlanResult other = openExisting(slug).plan(PlanOptions.DEFAULTS.withOut(Path.of("unapproved.tfplan")));
        return Files.readAllBytes(other.planFile());
    }

    private TerraformRunner openExisting(Slug slug) {
        return TenantWorkspace.existing(workRoot(), fx.module().source(), slug, fx.backend())
                .open(fx.base().withSecretEnvironment(StateEncryption.environment(
                        fx.vault.get(slug, StateEncryption.VAULT_NAME).orElseThrow())));
    }

    private Path workRoot() {
        return fx.settings.dataDir().resolve("terraform");
    }

    private Path planFile(Slug slug) {
        return TenantWorkspace.rootDir(workRoot(), fx.module().source(), slug).resolve(PlanOptions.DEFAULTS.out());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
