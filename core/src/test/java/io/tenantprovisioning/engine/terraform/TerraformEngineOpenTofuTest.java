package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terraform engine end to end: the real OpenTofu binary applies the repository's provider-free root
 * ({@code terraform/local}) with state on the pg backend, then a direct engine of real drivers creates the
 * real local resources; destroy must leave nothing in Terraform or on any service.
 */
@Tag("opentofu")
class TerraformEngineOpenTofuTest {

    private static final List<String> ADDRESSES = List.of("terraform_data.api_token", "terraform_data.bucket",
            "terraform_data.dashboard", "terraform_data.postgres_schema", "terraform_data.vector_namespace");

    @TempDir
    Path work;

    private TerraformEngineFixture fx;
    private final List<Secret> secrets = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fx = new TerraformEngineFixture(work);
        secrets.addAll(fx.secrets());
    }

    @AfterEach
    void tearDown() {
        fx.close();
        List<String> everything = new ArrayList<>(fx.runnerLog);
        everything.addAll(fx.progressLog);
        everything.addAll(failures);
        List<String> leaks = new ArrayList<>(); // positions only: the failure message must not print them
        for (int s = 0; s < secrets.size(); s++) {
            for (int l = 0; l < everything.size(); l++) {
                if (everything.get(l).contains(secrets.get(s).reveal())) {
                    leaks.add("secret #" + s + " in captured line #" + l);
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void provisionsBronzeThroughTerraformThenDestroysToZero() throws Exception {
        Slug slug = fx.slug();
        RecordingJournal journal = new RecordingJournal();
        Map<String, String> outputs = fx.engine(FailurePoints.none())
                .provision(TestTenants.spec(slug, Tier.BRONZE), journal, fx.progress());

        String sha = outputs.get(TerraformEngine.PLAN_SHA256);
        assertThat(sha).matches("[0-9a-f]{64}");
        assertThat(fx.progressLog).contains("terraform: plan for workspace t-" + slug + " (plan SHA-256 " + sha + "):",
                "terraform:   + create  terraform_data.postgres_schema",
                "terraform:   5 to create, 0 to update, 0 to replace, 0 to delete",
                "terraform: stored sensitive output api_token in the vault");
        // the runner's lines reach both listeners; the engine's own lines only the caller's progress
        assertThat(fx.progressLog).contains("terraform apply: apply complete: 5 added, 0 changed, 0 destroyed");
        assertThat(fx.runnerLog).contains("terraform apply: apply complete: 5 added, 0 changed, 0 destroyed")
                .noneMatch(l -> l.contains("plan for workspace"));

        assertThat(outputs).containsEntry(TerraformEngine.WORKSPACE, "t-" + slug)
                .containsEntry("terraform.postgres_schema", slug.sqlIdentifier())
                .containsEntry("terraform.bucket_name", "tenant-" + slug)
                .containsEntry("terraform.vector_namespace", "tenant-" + slug)
                .containsEntry("terraform.tier", "Bronze")
                .containsEntry("postgres.role", slug.sqlIdentifier())
                .doesNotContainKeys("terraform.api_token", "postgres.password");
        Secret token = fx.vault.get(slug, "terraform.api_token").orElseThrow();
        assertThat(token.reveal()).startsWith("tt-");
        secrets.addAll(fx.secrets(slug));
        assertThat(fx.vault.all(slug)).containsKeys("postgres.password", "redis.password");

        assertThat(fx.stateList(slug)).containsExactlyInAnyOrderElementsOf(ADDRESSES);
        assertThat(journal.entries()).extracting(RecordingJournal.Entry::kind).containsExactly(ResourceKind.values());
        assertThat(journal.entries()).allSatisfy(e -> assertThat(e.created()).isNotNull());
        assertThat(fx.leftOnServices(slug)).hasSize(2 * ResourceKind.values().length);
        assertThat(fx.drivers.get(0).describe(slug).orElseThrow().tags()).containsEntry("Tier", "Bronze");
        assertThat(roleCanLogIn(slug)).isTrue();

        List<String> errors = fx.engine(FailurePoints.none()).destroy(slug, fx.progress());

        assertThat(errors).isEmpty();
        assertThat(fx.progressLog).contains("terraform destroy: destroy complete: 0 added, 0 changed, 5 destroyed",
                "rollback: terraform destroyed 5 resources and deleted workspace t-" + slug);
        assertThat(fx.workspaceExists(slug)).isFalse();
        assertThat(fx.settings.dataDir().resolve("terraform").resolve(slug.value())).doesNotExist();
        assertThat(fx.leftOnServices(slug)).isEmpty();
        assertThat(roleCanLogIn(slug)).isNull();
        assertThat(fx.vault.all(slug)).isEmpty();
    }

    @Test
    void failureInjectedBeforeApplyLeavesNothingAfterDestroy() throws Exception {
        Slug slug = fx.slug();
        RecordingJournal journal = new RecordingJournal();
        TerraformEngine armed = fx.engine(FailurePoints.at(TerraformEngine.FAIL_STEP));

        assertThatThrownBy(() -> armed.provision(TestTenants.spec(slug, Tier.BRONZE), journal, fx.progress()))
                .isInstanceOf(FailurePoints.InjectedFailure.class)
                .satisfies(e -> failures.add(e.getMessage()));

        assertThat(fx.progressLog).contains("terraform:   5 to create, 0 to update, 0 to replace, 0 to delete")
                .noneMatch(l -> l.startsWith("terraform apply:"));
        assertThat(journal.entries()).isEmpty();
        assertThat(fx.stateList(slug)).isEmpty();
        assertThat(fx.workspaceExists(slug)).isTrue();

        assertThat(armed.destroy(slug, fx.progress())).isEmpty();

        assertThat(fx.workspaceExists(slug)).isFalse();
        assertThat(armed.workRoot().resolve(slug.value())).doesNotExist();
        assertThat(fx.leftOnServices(slug)).isEmpty();
        assertThat(fx.vault.all(slug)).isEmpty();
    }

    @Test
    void aHeldStateLockIsReportedWithItsHolderAndNeverBroken() throws Exception {
        Slug slug = fx.slug();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);
        TerraformEngine engine = fx.engine(FailurePoints.none());
        engine.provision(spec, new RecordingJournal(), fx.progress());
        secrets.addAll(fx.secrets(slug));

        List<String> errors;
        try (Connection holder = fx.registryConnection()) {
            long row = workspaceRow(holder, slug);
            int pid = lock(holder, row);
            assertThatThrownBy(() -> engine.provision(spec, new RecordingJournal(), fx.progress()))
                    .isInstanceOfSatisfying(StateLockedException.class, e -> {
                        failures.add(e.getMessage());
                        assertThat(e.holders()).extracting(LockHolder::pid).containsExactly(pid);
                        assertThat(e.getMessage()).contains("pg_terminate_backend(" + pid + ")");
                    });

            errors = engine.destroy(slug, fx.progress());
            failures.addAll(errors);

            assertThat(errors).singleElement().asString().startsWith("terraform: the state of workspace t-" + slug
                    + " is locked").contains("pg_terminate_backend(" + pid + ")");
            assertThat(unlock(holder, row)).as("the lock is still ours: nobody broke it").isTrue();
        }
        // the configure part was destroyed all the same; Terraform's part is still in state
        assertThat(fx.leftOnServices(slug)).isEmpty();
        assertThat(fx.stateList(slug)).containsExactlyInAnyOrderElementsOf(ADDRESSES);

        // another machine: no working folder, so no saved variables; destroy derives them from the slug
        deleteTree(engine.workRoot().resolve(slug.value()));
        assertThat(engine.destroy(slug, fx.progress())).isEmpty();
        assertThat(fx.progressLog).anyMatch(l -> l.startsWith("rollback: no variables of an earlier run in "));
        assertThat(fx.workspaceExists(slug)).isFalse();
    }

    @Test
    void tagsOfAnotherTenantAreRefusedByAPreconditionBeforeAnythingIsCreated() throws Exception {
        Slug slug = fx.slug();
        Map<String, String> tags = new HashMap<>(TestTenants.tags(slug, Tier.BRONZE));
        tags.put("TenantID", "someone-else");
        TenantResourceSpec spec = new TenantResourceSpec(slug, tags, TestTenants.tierConfig(Tier.BRONZE));
        RecordingJournal journal = new RecordingJournal();

        assertThatThrownBy(() -> fx.engine(FailurePoints.none()).provision(spec, journal, fx.progress()))
                .isInstanceOfSatisfying(TerraformException.class, e -> {
                    failures.add(e.getMessage());
                    assertThat(e.code()).isEqualTo(TerraformErrorCode.PLAN_FAILED);
                    assertThat(e.getMessage()).contains("tags.TenantID must equal tenant_slug");
                });

        assertThat(journal.entries()).isEmpty();
        assertThat(fx.stateList(slug)).isEmpty();
        assertThat(fx.leftOnServices(slug)).isEmpty();
    }

    @Test
    void theProviderFreeRootIsFormatted() throws Exception {
        Process fmt = new ProcessBuilder(fx.settings.string(Setting.TERRAFORM_BIN), "fmt", "-check", "-recursive",
                "-no-color", TerraformEngineFixture.repositoryRoot().resolve("terraform").toString())
                .redirectErrorStream(true).start();
        assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(fmt.getInputStream().readAllBytes());
        assertThat(fmt.exitValue()).as(out).isZero();
    }

    /** Null when the role does not exist, else whether it may log in. */
    private Boolean roleCanLogIn(Slug slug) throws Exception {
        return (Boolean) AdminPostgres.queryValue(
                "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", slug.sqlIdentifier());
    }

    private static long workspaceRow(Connection c, Slug slug) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + slug);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** Takes the pg backend's lock on the workspace row, as a running OpenTofu would; returns our pid. */
    private static int lock(Connection c, long row) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
            ps.setLong(1, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                return rs.getInt(2);
            }
        }
    }

    /** True only if this session still held the lock. */
    private static boolean unlock(Connection c, long row) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
