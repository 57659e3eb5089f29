package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.resource.postgres.TenantDocuments;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terraform engine with a root that creates a kind, on the real OpenTofu binary: the apply is that
 * kind's create phase, its driver adopts the result with Terraform's credential, configure runs on it and
 * never resets the credential (issue #14: "one secret, two owners"). terraform/tenant cannot be applied
 * here (no providers), so the root is terraform/local's variables plus a stand-in that reports what
 * modules/postgres reports, and the test plays the postgresql provider: it creates the role with the
 * password the root outputs, as that provider would during the apply.
 */
@Tag("opentofu")
class TerraformAdoptionOpenTofuTest {

    @TempDir
    Path work;

    private TerraformEngineFixture fx;
    private final List<Secret> secrets = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fx = new TerraformEngineFixture(Files.createDirectories(work.resolve("fixture")));
    }

    @AfterEach
    void tearDown() {
        fx.close();
        List<String> everything = new ArrayList<>(fx.runnerLog);
        everything.addAll(fx.progressLog);
        for (Secret secret : secrets) {
            assertThat(everything).noneMatch(line -> line.contains(secret.reveal()));
        }
    }

    @Test
    void postgresCreatedByTerraformKeepsTerraformsPasswordThroughConfigure() throws Exception {
        Slug slug = fx.slug();
        Secret password = new RandomSecrets().password();
        secrets.add(password);
        // the role appears during the apply, as the provider would create it (before the plan it would be a takeover)
        TerraformEngine engine = engine(password, "", () -> createRoleAsTheProviderWould(slug, password));
        RecordingJournal journal = new RecordingJournal();
        TenantResourceSpec spec = TestTenants.spec(slug, Tier.BRONZE);

        Map<String, String> outputs = engine.provision(spec, journal, fx.progress());

        assertThat(fx.vault.get(slug, PostgresSchemaDriver.SECRET_PASSWORD)).contains(password);
        assertThat(fx.vault.all(slug)).doesNotContainKey("terraform.postgres_password"); // stored once
        assertThat(journal.entries()).extracting(RecordingJournal.Entry::kind)
                .containsExactly(ResourceKind.values());
        assertThat(journal.entries()).extracting(RecordingJournal.Entry::engine)
                .containsExactly("terraform", "direct", "direct", "direct", "direct", "direct");
        assertThat(journal.entries()).allSatisfy(e -> assertThat(e.created()).isNotNull());
        assertThat(fx.progressLog).anyMatch(l -> l.startsWith("provision: adopted postgres")
                && l.endsWith(slug.sqlIdentifier() + " (created by Terraform)"));
        assertThat(outputs).containsEntry(PostgresSchemaDriver.ATTR_ROLE, slug.sqlIdentifier())
                .containsEntry("terraform.postgres_role", slug.sqlIdentifier());
        TenantAccess access = new TenantAccess(slug, spec.tags(), spec.tierConfig(), outputs, fx.vault.all(slug));
        try (TenantDatabase db = TenantDatabase.of(access)) {
            assertThat(new TenantDocuments(db).countDocuments()).isZero(); // tables by configure, Terraform's login
        }

        assertThat(engine.destroy(slug, fx.progress())).isEmpty();
        assertThat(fx.leftOnServices(slug)).isEmpty();
        assertThat(fx.workspaceExists(slug)).isFalse();
    }

    @Test
    void aResourceTerraformNamedOtherwiseThanItsKindIsRefusedBeforeAnyDriverRuns() throws Exception {
        Slug slug = fx.slug();
        Secret password = new RandomSecrets().password();
        secrets.add(password);
        RecordingJournal journal = new RecordingJournal();

        assertThatThrownBy(() -> engine(password, "t_someone_else").provision(TestTenants.spec(slug, Tier.BRONZE),
                journal, fx.progress())).isInstanceOf(ResourceException.class)
                .hasMessage("postgres: Terraform output postgres_schema names 't_someone_else', but the kind names it '"
                        + slug.sqlIdentifier() + "'");
        assertThat(journal.entries()).extracting(RecordingJournal.Entry::created).containsOnlyNulls();
        assertThat(fx.leftOnServices(slug)).isEmpty();
        assertThat(engine(password, "t_someone_else").destroy(slug, fx.progress())).isEmpty();
        assertThat(fx.workspaceExists(slug)).isFalse();
    }

    /** An engine on the stand-in root, whose apply creates the postgres kind (as terraform/tenant's does). */
    private TerraformEngine engine(Secret password, String schemaOverride) throws Exception {
        return engine(password, schemaOverride, () -> { });
    }

    /** As above, {@code duringApply} running when tofu's {@code apply} is launched (the provider's side effect). */
    private TerraformEngine engine(Secret password, String schemaOverride, ProviderSideEffect duringApply)
            throws Exception {
        TenantModule module = new TenantModule(new ModuleSource(rootCreatingPostgres(), "root"), "us-east-1",
                fx.settings.string(Setting.BUCKET_PREFIX), Map.of("test_postgres_password", password.reveal(),
                "test_postgres_database", fx.settings.string(Setting.TENANT_DB_NAME),
                "test_schema_name", schemaOverride), Map.of(), Set.of(ResourceKind.POSTGRES));
        ProcessLauncher local = new LocalProcessLauncher();
        ProcessLauncher launcher = spec -> {
            if (spec.command().contains("apply")) {
                try {
                    duringApply.run();
                } catch (Exception e) {
                    throw new java.io.IOException("the stand-in provider failed: " + e.getMessage(), e);
                }
            }
            return local.launch(spec);
        };
        return new TerraformEngine(fx.base(launcher), module, fx.backend(),
                fx.settings.dataDir().resolve("terraform"), fx.direct, FailurePoints.none());
    }

    @FunctionalInterface
    private interface ProviderSideEffect {
        void run() throws Exception;
    }

    /** terraform/local's variables and backend, and the outputs modules/postgres gives terraform/tenant. */
    private Path rootCreatingPostgres() throws Exception {
        Path tree = work.resolve("roots");
        Path root = Files.createDirectories(tree.resolve("root"));
        Path local = TerraformEngineFixture.repositoryRoot().resolve(TenantModule.PROVIDER_FREE_DIR);
        Files.copy(local.resolve("variables.tf"), root.resolve("variables.tf"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(local.resolve("versions.tf"), root.resolve("versions.tf"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("test.tf"), """
                variable "test_postgres_password" {
                  type      = string
                  sensitive = true
                }

                variable "test_postgres_database" {
                  type = string
                }

                variable "test_schema_name" {
                  type    = string
                  default = ""
                }

                # Stands in for postgresql_role + postgresql_schema: the test creates them as the provider would.
                resource "terraform_data" "postgres" {
                  input = {
                    name = coalesce(var.test_schema_name, var.names.sql_identifier)
                    tags = var.tags
                  }
                }

                output "postgres_schema" {
                  value = terraform_data.postgres.output.name
                }

                output "postgres_role" {
                  value = terraform_data.postgres.output.name
                }

                output "postgres_database" {
                  value = var.test_postgres_database
                }

                output "postgres_password" {
                  value     = var.test_postgres_password
                  sensitive = true
                }
                """);
        return tree;
    }

    /** What modules/postgres leaves: a login role with its password, the schema, USAGE and CONNECT. */
    private void createRoleAsTheProviderWould(Slug slug, Secret password) throws Exception {
        String name = "\"" + slug.sqlIdentifier() + "\"";
        AdminPostgres.execute("CREATE ROLE " + name + " LOGIN NOINHERIT PASSWORD '" + password.reveal() + "'",
                "CREATE SCHEMA " + name, "GRANT USAGE ON SCHEMA " + name + " TO " + name,
                "GRANT CONNECT ON DATABASE " + fx.settings.string(Setting.TENANT_DB_NAME) + " TO " + name);
    }
}
