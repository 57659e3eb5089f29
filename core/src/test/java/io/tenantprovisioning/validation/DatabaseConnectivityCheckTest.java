package io.tenantprovisioning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.testing.KindPhases;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseConnectivityCheckTest {

    private final DatabaseConnectivityCheck check = new DatabaseConnectivityCheck();
    private PostgresSchemaDriver driver;
    private TenantResourceSpec spec;
    private TenantAccess tenant;
    private String name;

    @BeforeEach
    void tenant() throws Exception {
        driver = PostgresSchemaDriver.fromSettings(TestServices.settings(), TestServices.MARKER);
        spec = TestTenants.spec(TestServices.uniqueSlug("dbc"), Tier.GOLD);
        tenant = TestTenants.access(spec, List.of(KindPhases.createAndConfigure(driver, spec)));
        name = '"' + spec.slug().sqlIdentifier() + '"';
    }

    @AfterEach
    void cleanUp() throws Exception {
        driver.destroy(spec.slug());
        driver.close();
    }

    @Test
    void describesItself() {
        assertThat(check.id()).isEqualTo("database-connectivity");
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.critical()).isTrue();
    }

    @Test
    void passesOnAHealthyTenant() {
        CheckOutcome outcome = check.run(tenant);
        assertThat(outcome).isInstanceOf(CheckOutcome.Passed.class);
        assertThat(outcome.message()).contains("connected as " + spec.slug().sqlIdentifier()).contains("documents");
        assertThat(((CheckOutcome.Passed) outcome).figure()).endsWith(" ms");
    }

    @Test
    void failsWhenTheRoleLostItsGrant() throws Exception {
        AdminPostgres.execute("REVOKE SELECT ON " + name + ".documents FROM " + name);
        CheckOutcome outcome = check.run(tenant);
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("[42501]").contains("permission denied");
    }

    @Test
    void failsWhenTheRoleCannotLogIn() throws Exception {
        AdminPostgres.execute("ALTER ROLE " + name + " NOLOGIN");
        CheckOutcome outcome = check.run(tenant);
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("not permitted to log in");
    }

    @Test
    void failsWithAWrongPasswordWithoutPrintingIt() {
        String wrong = tenant.secret("postgres.password").orElseThrow().reveal() + "-stale";
        Map<String, Secret> secrets = new HashMap<>(tenant.secrets());
        secrets.put("postgres.password", Secret.of(wrong));
        TenantAccess stale = new TenantAccess(tenant.slug(), tenant.tags(), tenant.tierConfig(), tenant.attributes(), secrets);

        CheckOutcome outcome = check.run(stale);

        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("password authentication failed").doesNotContain(wrong);
    }

    @Test
    void failsWhenTheSchemaIsGone() throws Exception {
        AdminPostgres.execute("DROP SCHEMA " + name + " CASCADE");
        CheckOutcome outcome = check.run(tenant);
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("does not exist");
    }

    @Test
    void failsClearlyWhenTheTenantHasNoPostgresResource() {
        TenantAccess none = new TenantAccess(tenant.slug(), tenant.tags(), tenant.tierConfig(), Map.of(), Map.of());
        CheckOutcome outcome = check.run(none);
        assertThat(outcome).isInstanceOf(CheckOutcome.Failed.class);
        assertThat(outcome.message()).contains("has no postgres.host attribute");
    }
}
