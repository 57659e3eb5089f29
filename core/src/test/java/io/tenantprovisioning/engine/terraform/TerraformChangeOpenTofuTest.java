package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.engine.ChangeNotInPlaceException;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of a serving terraform tenant (issue #18) on the real OpenTofu binary with the provider-free root and
 * the pg backend: the change is planned in the tenant's workspace with the new variables, saved (mode 600) and
 * hashed, applied only as approved, in place; the tenant's own variables become the new ones (a re-plan is
 * empty) and the previous ones can be put back. A changed plan or changed variables are refused with nothing
 * applied; a change whose plan would replace a resource is refused before anyone approves it, which a plan
 * without that check (a new request's) would not do.
 */
@Tag("opentofu")
class TerraformChangeOpenTofuTest {

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
    void aChangeIsASavedInPlacePlanAppliedExactlyAndRestorable() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec bronze = create(engine, slug);
        TenantResourceSpec gold = TestTenants.spec(slug, Tier.GOLD);
        EngineChange change = engine.changes().orElseThrow();

        EnginePlan plan = change.plan(gold, false, fx.progress());
        Path file = changePlanFile(slug);
        assertThat(plan.sha256()).isEqualTo(sha256(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(plan.summary()).contains("~ update  terraform_data.bucket", "~ update  terraform_data.dashboard")
                .last().asString().matches("0 to create, \\d+ to update, 0 to replace, 0 to delete");
        assertThat(engine.drift(slug, fx.progress())).as("planning a change applies nothing, and the tenant's own "
                + "variables are still the applied ones").isEmpty();

        change.apply(gold, plan.sha256(), fx.progress());
        assertThat(file).as("the applied plan is deleted: it holds sensitive values").doesNotExist();
        assertThat(tenantVariables(slug)).contains("\"Tier\" : \"Gold\"");
        assertThat(engine.drift(slug, fx.progress())).as("a re-plan after the change").isEmpty();
        assertThat(fx.stateList(slug)).contains("terraform_data.bucket", "terraform_data.api_token");

        change.restore(bronze, fx.progress());
        assertThat(tenantVariables(slug)).contains("\"Tier\" : \"Bronze\"");
        assertThat(engine.drift(slug, fx.progress())).isEmpty();
    }

    @Test
    void aDryRunKeepsNoPlanAndLeavesAWaitingChangesPlanAlone() throws Exception {
        Slug slug = fx.slug();
        create(engine, slug);
        EngineChange change = engine.changes().orElseThrow();
        EnginePlan waiting = change.plan(TestTenants.spec(slug, Tier.GOLD), false, fx.progress());

        EnginePlan dryRun = change.plan(TestTenants.spec(slug, Tier.SILVER), true, fx.progress());
        assertThat(dryRun.summary()).last().asString().matches("0 to create, \\d+ to update, 0 to replace, 0 to delete");
        assertThat(sha256(changePlanFile(slug))).isEqualTo(waiting.sha256());
        assertThat(work.resolve("data/terraform").resolve(TerraformChange.DRY_RUN_FOLDER).resolve(slug.value()))
                .doesNotExist();
    }

    @Test
    void aChangedPlanOrChangedVariablesAreRefusedAndNothingIsApplied() throws Exception {
        Slug slug = fx.slug();
        create(engine, slug);
        TenantResourceSpec gold = TestTenants.spec(slug, Tier.GOLD);
        EngineChange change = engine.changes().orElseThrow();

        EnginePlan approved = change.plan(gold, false, fx.progress());
        Files.write(changePlanFile(slug), new byte[] {'\n'}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> change.apply(gold, approved.sha256(), fx.progress()))
                .isInstanceOf(PlanBindingException.class).hasMessageContaining("but the approved plan had "
                        + approved.sha256()).hasMessageContaining("nothing was applied");
        assertThat(engine.drift(slug, fx.progress())).as("the state is still the Bronze one").isEmpty();

        EnginePlan again = change.plan(gold, false, fx.progress());
        assertThatThrownBy(() -> change.apply(TestTenants.spec(slug, Tier.SILVER), again.sha256(), fx.progress()))
                .isInstanceOf(PlanBindingException.class).hasMessageContaining("changed since change plan "
                        + again.sha256()).hasMessageContaining("nothing was applied");
        assertThat(engine.drift(slug, fx.progress())).isEmpty();
        assertThat(tenantVariables(slug)).contains("\"Tier\" : \"Bronze\"");
    }

    @Test
    void aChangeWhosePlanWouldReplaceIsRefusedBeforeApproval() throws Exception {
        TerraformEngine replacing = new TerraformEngine(fx.base(), rootReplacingOnTier(), fx.backend(),
                fx.settings.dataDir().resolve("terraform"), fx.direct, FailurePoints.none());
        Slug slug = fx.slug();
        try {
            create(replacing, slug);
            TenantResourceSpec gold = TestTenants.spec(slug, Tier.GOLD);

            assertThatThrownBy(() -> replacing.changes().orElseThrow().plan(gold, false, fx.progress()))
                    .isInstanceOf(ChangeNotInPlaceException.class)
                    .hasMessageContaining("-/+ replace terraform_data.tier_bound")
                    .hasMessageContaining("nothing was recorded or applied");
            assertThat(changePlanFile(slug)).doesNotExist();
            assertThat(replacing.drift(slug, fx.progress())).as("nothing applied").isEmpty();

            // the protection removed: the same variables planned as a new request's plan are accepted as they are
            EnginePlan unchecked = replacing.planForApproval(gold, fx.progress()).orElseThrow();
            assertThat(unchecked.summary()).contains("-/+ replace terraform_data.tier_bound");
        } finally {
            replacing.destroy(slug, ProgressListener.silent());
        }
    }

    private TenantResourceSpec create(TerraformEngine on, Slug slug) throws Exception {
        TenantResourceSpec bronze = TestTenants.spec(slug, Tier.BRONZE);
        EnginePlan plan = on.planForApproval(bronze, fx.progress()).orElseThrow();
        on.createFromApprovedPlan(bronze, plan.sha256(), new RecordingJournal(), fx.progress());
        return bronze;
    }

    /** The repository's provider-free root plus a resource Terraform must replace when the tier changes. */
    private TenantModule rootReplacingOnTier() throws IOException {
        Path repo = work.resolve("repo");
        Path from = TerraformEngineFixture.repositoryRoot().resolve("terraform");
        Path to = repo.resolve("terraform");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                if (d.getFileName().toString().equals(".terraform")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        Files.writeString(to.resolve("local/tier_bound.tf"),
                "resource \"terraform_data\" \"tier_bound\" {\n  triggers_replace = var.tier\n}\n");
        return TenantModule.fromSettings(fx.settings, repo, TenantModule.PROVIDER_FREE_DIR);
    }

    private String tenantVariables(Slug slug) throws IOException {
        return Files.readString(TenantWorkspace.rootDir(workRoot(), fx.module().source(), slug)
                .resolve(TenantWorkspace.TFVARS_FILE));
    }

    private Path changePlanFile(Slug slug) {
        return TenantWorkspace.rootDir(workRoot().resolve(TerraformChange.CHANGE_FOLDER), fx.module().source(), slug)
                .resolve(PlanOptions.DEFAULTS.out());
    }

    private Path workRoot() {
        return fx.settings.dataDir().resolve("terraform");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
