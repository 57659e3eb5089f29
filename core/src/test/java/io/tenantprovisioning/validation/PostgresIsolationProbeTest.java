package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.postgres.TenantDatabase;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.testing.KindPhases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL isolation properties, each broken on purpose by what the (non-superuser) admin can do. */
class PostgresIsolationProbeTest {

    private final PostgresIsolationProbe probe = new PostgresIsolationProbe();
    private PostgresSchemaDriver driver;
    private final List<Slug> created = new ArrayList<>();
    private TenantAccess a;
    private TenantAccess b;
    private String roleA;
    private String schemaB;

    @BeforeEach
    void twoTenants() throws Exception {
        driver = PostgresSchemaDriver.fromSettings(TestServices.settings(), TestServices.MARKER);
        a = create();
        b = create();
        roleA = q(a.slug().sqlIdentifier());
        schemaB = q(b.slug().sqlIdentifier());
    }

    private TenantAccess create() throws Exception {
        TenantResourceSpec spec = TestTenants.spec(TestServices.uniqueSlug("iso"), Tier.GOLD);
        created.add(spec.slug());
        return TestTenants.access(spec, List.of(KindPhases.createAndConfigure(driver, spec)));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
        driver.close();
    }

    private static String q(String identifier) {
        return '"' + identifier + '"';
    }

    @Test
    void healthyTenantsAreIsolatedAndTheProbeLeavesNoRows() throws Exception {
        assertThat(probe.violations(a, b)).isEmpty();
        assertThat(probe.violations(b, a)).isEmpty();
        for (TenantAccess t : List.of(a, b)) {
            for (String table : PostgresIsolationProbe.TABLES) {
                assertThat(AdminPostgres.queryValue("select count(*) from " + q(t.slug().sqlIdentifier()) + "."
                        + table)).isEqualTo(0L);
            }
        }
        assertThat(probe.backend()).isEqualTo("postgres");
    }

    @Test
    void schemaGrantPlusAPermissivePolicyOnBIsCaught() throws Exception {
        AdminPostgres.execute("GRANT USAGE ON SCHEMA " + schemaB + " TO " + roleA,
                "GRANT SELECT, UPDATE ON ALL TABLES IN SCHEMA " + schemaB + " TO " + roleA,
                "CREATE POLICY leak ON " + schemaB + ".documents FOR ALL USING (true)");

        List<String> v = probe.violations(a, b);

        assertThat(v).anyMatch(s -> s.contains("SELECT on " + schemaB + ".\"documents\" succeeded on 1 row(s)"))
                .anyMatch(s -> s.contains("UPDATE on " + schemaB + ".\"documents\" succeeded on 1 row(s)"))
                .anyMatch(s -> s.contains("has USAGE on schema " + b.slug().sqlIdentifier()));
        // chunks and query_log kept their policy: granted, yet RLS still filters them to zero rows
        assertThat(v).noneMatch(s -> s.contains("SELECT on " + schemaB + ".\"chunks\""));
    }

    @Test
    void schemaGrantPlusRlsDisabledOnBIsCaught() throws Exception {
        AdminPostgres.execute("GRANT USAGE ON SCHEMA " + schemaB + " TO " + roleA,
                "GRANT SELECT ON " + schemaB + ".query_log TO " + roleA,
                "DROP POLICY tenant_isolation ON " + schemaB + ".query_log",
                "ALTER TABLE " + schemaB + ".query_log NO FORCE ROW LEVEL SECURITY",
                "ALTER TABLE " + schemaB + ".query_log DISABLE ROW LEVEL SECURITY");

        assertThat(probe.violations(a, b))
                .anyMatch(s -> s.contains("SELECT on " + schemaB + ".\"query_log\" succeeded on 1 row(s)"));
    }

    @Test
    void insertIntoBThroughAWideOpenWithCheckIsCaught() throws Exception {
        AdminPostgres.execute("GRANT USAGE ON SCHEMA " + schemaB + " TO " + roleA,
                "GRANT INSERT ON " + schemaB + ".query_log TO " + roleA,
                "CREATE POLICY leak ON " + schemaB + ".query_log FOR INSERT WITH CHECK (true)");

        assertThat(probe.violations(a, b))
                .anyMatch(s -> s.contains("INSERT into " + schemaB + ".\"query_log\" succeeded on 1 row(s)"));
    }

    @Test
    void aPolicyOnAsOwnTablesThatIgnoresTheTenantIdIsCaught() throws Exception {
        String schemaA = roleA;
        AdminPostgres.execute("CREATE POLICY leak ON " + schemaA + ".documents FOR ALL TO " + roleA
                + " USING (true) WITH CHECK (true)");

        List<String> v = probe.violations(a, b);

        assertThat(v).anyMatch(s -> s.contains("app.tenant_id='" + b.slug() + "'") && s.contains("RLS does not scope"))
                .anyMatch(s -> s.contains("app.tenant_id=''") && s.contains("RLS does not scope"))
                .anyMatch(s -> s.contains("(WITH CHECK)"));
    }

    /** A's documents as before issue #15 item 7: the id comes from app.tenant_id alone, '' included. */
    @Test
    void rowsWithoutTheTenantsOwnIdAreCaught() throws Exception {
        String documents = roleA + ".\"documents\"";
        String setting = "current_setting('app.tenant_id', true)";
        AdminPostgres.execute("ALTER TABLE " + documents + " DROP CONSTRAINT documents_tenant_id_is_this_tenant",
                "ALTER TABLE " + documents + " ALTER COLUMN tenant_id SET DEFAULT " + setting,
                "ALTER POLICY tenant_isolation ON " + documents + " USING (tenant_id = " + setting
                        + ") WITH CHECK (tenant_id = " + setting + ")");

        List<String> v = probe.violations(a, b);

        assertThat(v).anyMatch(s -> s.contains("app.tenant_id '': INSERT into " + documents
                        + " without a tenant_id succeeded on 1 row(s)"))
                .anyMatch(s -> s.contains("INSERT of a row labelled '" + b.slug() + "' into " + documents
                        + " succeeded on 1 row(s)"))
                .noneMatch(s -> s.contains("query_log\" without a tenant_id"));
    }

    /** Issue #15 item 10: without a connection limit, one tenant can hold every connection of the server. */
    @Test
    void aRoleWithoutItsTiersConnectionLimitIsCaught() throws Exception {
        AdminPostgres.execute("ALTER ROLE " + roleA + " CONNECTION LIMIT -1");

        assertThat(probe.violations(a, b)).contains("role " + a.slug().sqlIdentifier()
                + " may hold any number of connections; its tier allows " + a.tierConfig().postgresConnectionLimit());
    }

    /** Issue #15 item 10: tags as a schema comment, as they were, are read by every tenant through the catalog. */
    @Test
    void anotherTenantsTagsInTheCatalogAreCaught() throws Exception {
        AdminPostgres.execute("COMMENT ON SCHEMA " + schemaB + " IS '{\"CostCenter\":\"CC_B\"}'");

        assertThat(probe.violations(a, b)).anyMatch(s -> s.contains("reads the comment of schema "
                + b.slug().sqlIdentifier() + " of another tenant"));
    }

    @Test
    void theTagsTableOpenToATenantIsCaught() throws Exception {
        try {
            AdminPostgres.execute("GRANT USAGE ON SCHEMA tenantctl TO " + roleA,
                    "GRANT SELECT ON tenantctl.schema_tags TO " + roleA);

            assertThat(probe.violations(a, b)).anyMatch(s -> s.contains("SELECT from tenantctl.schema_tags"
                    + " (every tenant's tags) succeeded"));
        } finally {
            AdminPostgres.execute("REVOKE SELECT ON tenantctl.schema_tags FROM " + roleA,
                    "REVOKE USAGE ON SCHEMA tenantctl FROM " + roleA);
        }
    }

    @Test
    void createOnPublicIsCaught() throws Exception {
        AdminPostgres.execute("GRANT CREATE ON SCHEMA public TO " + roleA);
        assertThat(probe.violations(a, b)).anyMatch(s -> s.contains("CREATE TABLE public."));
    }

    @Test
    void roleAttributesTheAdminCanGrantAreCaught() throws Exception {
        // SUPERUSER and BYPASSRLS need a superuser; CREATEDB is what a CREATEROLE admin can still hand out
        AdminPostgres.execute("ALTER ROLE " + roleA + " CREATEDB");
        assertThat(probe.violations(a, b)).contains("role " + a.slug().sqlIdentifier() + " has CREATEDB");
    }

    @Test
    void membershipInBsRoleIsCaughtAndItsRowsShowUp() throws Exception {
        AdminPostgres.execute("ALTER ROLE " + roleA + " INHERIT", "GRANT " + schemaB + " TO " + roleA);

        List<String> v = probe.violations(a, b);

        assertThat(v).contains("role " + a.slug().sqlIdentifier() + " is a member of role " + b.slug().sqlIdentifier()
                        + " and can use its privileges")
                .anyMatch(s -> s.contains("app.tenant_id='" + b.slug() + "': SELECT on " + schemaB
                        + ".\"documents\" succeeded on 1 row(s)"));
    }

    @Test
    void aTableOwnedByTheTenantRoleIsCaught() throws Exception {
        AdminPostgres.execute("GRANT CREATE ON SCHEMA " + roleA + " TO " + roleA);
        try (TenantDatabase db = TenantDatabase.of(a)) {
            db.inTransaction(c -> c.createStatement().execute("create table " + db.schema().qualify("mine") + " (x int)"));
        }
        assertThat(probe.violations(a, b)).anyMatch(s -> s.contains("owns tables"));
    }

    @Test
    void aMissingOtherTenantIsInconclusiveNotClean() throws Exception {
        driver.destroy(b.slug());
        assertThatThrownBy(() -> probe.violations(a, b)).isInstanceOf(SQLException.class);
    }

    @Test
    void violationsNeverCarryPasswords() throws Exception {
        AdminPostgres.execute("GRANT USAGE ON SCHEMA " + schemaB + " TO " + roleA,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schemaB + " TO " + roleA,
                "CREATE POLICY leak ON " + schemaB + ".chunks FOR SELECT USING (true)");
        String text = String.join("\n", probe.violations(a, b));
        assertThat(text).isNotBlank()
                .doesNotContain(a.secret("postgres.password").orElseThrow().reveal())
                .doesNotContain(b.secret("postgres.password").orElseThrow().reveal());
    }
}
