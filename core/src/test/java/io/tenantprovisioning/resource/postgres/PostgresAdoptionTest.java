package io.tenantprovisioning.resource.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformCreated;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The postgres kind when Terraform created the role and schema (terraform/tenant's modules/postgres):
 * the driver adopts them with Terraform's password and configures them without ever resetting it. The
 * test plays the provider's part with the same statements the module's resources amount to.
 */
class PostgresAdoptionTest {

    private PostgresSchemaDriver driver;
    private final List<Slug> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        driver = PostgresSchemaDriver.fromSettings(TestServices.settings(), TestServices.MARKER);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
        driver.close();
    }

    @Test
    void configureUsesTerraformsPasswordAndNeverResetsIt() throws Exception {
        TenantResourceSpec spec = newTenant();
        Secret terraformsPassword = new RandomSecrets().password();
        createAsTerraformWould(spec.slug(), terraformsPassword);

        CreatedResource adopted = driver.adopt(spec, terraformCreated(spec.slug(), terraformsPassword));
        ConfiguredResource configured = driver.configure(spec, adopted);
        driver.configure(spec, configured.resource()); // a re-run of configure changes no credential either

        assertThat(adopted.secrets()).containsExactly(Map.entry(PostgresSchemaDriver.SECRET_PASSWORD,
                terraformsPassword));
        assertThat(configured.resource().secrets()).isEqualTo(adopted.secrets());
        assertThat(configured.applied()).anyMatch(l -> l.startsWith("tables documents, chunks, query_log"));
        try (TenantDatabase db = TenantDatabase.of(TestTenants.access(spec, List.of(configured.resource())))) {
            assertThat(new TenantDocuments(db).countDocuments()).isZero(); // logs in with Terraform's password
        }
        assertThat(driver.describe(spec.slug()).orElseThrow().tags()).containsAllEntriesOf(spec.tags());
    }

    @Test
    void aRoleTerraformDidNotCreateOrASchemaOfAnotherTenantIsNotAdopted() throws Exception {
        TenantResourceSpec spec = newTenant();
        Secret password = new RandomSecrets().password();

        assertThatThrownBy(() -> driver.adopt(spec, terraformCreated(spec.slug(), password)))
                .isInstanceOf(ResourceException.class).hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password.reveal()));

        createAsTerraformWould(spec.slug(), password);
        AdminPostgres.execute("COMMENT ON SCHEMA \"" + spec.slug().sqlIdentifier()
                + "\" IS '{\"ManagedBy\":\"tenantctl\",\"TenantID\":\"someone-else\"}'");
        assertThatThrownBy(() -> driver.adopt(spec, terraformCreated(spec.slug(), password)))
                .isInstanceOf(ResourceException.class).hasMessageContaining("belongs to tenant 'someone-else'");
        assertThatThrownBy(() -> driver.create(spec)).isInstanceOf(ResourceException.class)
                .hasMessageContaining("belongs to tenant 'someone-else'");
    }

    private TenantResourceSpec newTenant() {
        Slug slug = TestServices.uniqueSlug("pga");
        created.add(slug);
        return TestTenants.spec(slug, Tier.SILVER);
    }

    /** postgresql_role (login, password), postgresql_schema, the USAGE and CONNECT grants: no comment, no tables. */
    private static void createAsTerraformWould(Slug slug, Secret password) throws SQLException {
        String name = "\"" + slug.sqlIdentifier() + "\"";
        AdminPostgres.execute("CREATE ROLE " + name + " LOGIN NOINHERIT PASSWORD '" + password.reveal() + "'",
                "CREATE SCHEMA " + name, "GRANT USAGE ON SCHEMA " + name + " TO " + name,
                "GRANT CONNECT ON DATABASE " + TestServices.settings().string(
                        Setting.TENANT_DB_NAME) + " TO " + name);
    }

    /** What the terraform engine hands the driver from terraform/tenant's outputs. */
    private static TerraformCreated terraformCreated(Slug slug, Secret password) {
        return new TerraformCreated(Map.of(PostgresSchemaDriver.ATTR_SCHEMA, slug.sqlIdentifier(),
                PostgresSchemaDriver.ATTR_ROLE, slug.sqlIdentifier(),
                PostgresSchemaDriver.ATTR_DATABASE, TestServices.settings().string(
                        Setting.TENANT_DB_NAME)),
                Map.of(PostgresSchemaDriver.SECRET_PASSWORD, password));
    }
}
