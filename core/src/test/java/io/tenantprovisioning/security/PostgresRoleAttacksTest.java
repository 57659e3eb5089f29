package io.tenantprovisioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.testing.KindPhases;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 item 7 on the real PostgreSQL 15: the tenant's role writes rows an export reading as the
 * tenant would miss. Before the fix, with {@code app.tenant_id} set to '' a row got {@code tenant_id=''}
 * and passed the policy, and a row labelled with another tenant's id passed while that id was claimed;
 * now both are refused.
 */
class PostgresRoleAttacksTest {

    private PostgresSchemaDriver driver;
    private final List<Slug> created = new ArrayList<>();

    @BeforeEach
    void open() {
        driver = PostgresSchemaDriver.fromSettings(TestServices.settings(), TestServices.MARKER);
    }

    @AfterEach
    void destroy() throws Exception {
        for (Slug slug : created) {
            driver.destroy(slug);
        }
        driver.close();
    }

    private TenantAccess newTenant(Tier tier) throws Exception {
        TenantResourceSpec spec = TestTenants.spec(TestServices.uniqueSlug("pra"), tier);
        created.add(spec.slug());
        return TestTenants.access(spec, List.of(KindPhases.createAndConfigure(driver, spec)));
    }

    @Test
    void rowsWithoutTheTenantsOwnIdCannotBeWritten() throws Exception {
        TenantAccess a = newTenant(Tier.SILVER);
        TenantAccess b = newTenant(Tier.SILVER);

        try (PostgresRoleAttacks role = new PostgresRoleAttacks(a)) {
            assertThat(role.ownRows()).as("the role still writes its own rows").returns(false, Answer::refused);
            assertThat(List.of(role.rowWithoutTenantId(), role.rowLabelledForAnotherTenant(b.slug())))
                    .allSatisfy(answer -> assertThat(answer.refused()).as(answer.toString()).isTrue());
            assertThat(role.readRows(b.slug(), PostgresSchemaDriver.nameOf(b.slug())).refused()).isTrue();
        }
    }

    /** Issue #15 item 10: the role had no connection limit; a Bronze role now gets its tier's 5, no more. */
    @Test
    void theRoleCannotHoldMoreConnectionsThanItsTierAllows() throws Exception {
        TenantAccess bronze = newTenant(Tier.BRONZE);
        int limit = TestTenants.tierConfig(Tier.BRONZE).postgresConnectionLimit();

        try (PostgresRoleAttacks role = new PostgresRoleAttacks(bronze)) {
            Answer answer = role.connections(bronze, limit);
            assertThat(answer.refused()).as(answer.toString()).isTrue();
            assertThat(answer.detail()).contains("connection " + (limit + 1) + " of " + (limit + 1));
        }
    }

    /** Issue #15 item 10: every tenant could read every schema's tag comment through the catalog. */
    @Test
    void theRoleCannotReadAnotherTenantsTags() throws Exception {
        TenantAccess a = newTenant(Tier.SILVER);
        TenantAccess b = newTenant(Tier.SILVER);

        try (PostgresRoleAttacks role = new PostgresRoleAttacks(a)) {
            Answer answer = role.readTags(PostgresSchemaDriver.nameOf(b.slug()));
            assertThat(answer.refused()).as(answer.toString()).isTrue();
        }
        assertThat(driver.describe(b.slug()).orElseThrow().tags()).containsAllEntriesOf(b.tags());
    }
}
