package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import io.tenantprovisioning.plan.TenantPlan;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryRecordsTest {

    private ThrowawayRegistry throwaway;
    private Registry registry;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void theJournalRecordsIntentCreationAndDeletion() {
        TenantRecord tenant = tenant("APPROVED");
        ResourceJournal journal = registry.journal();

        long pg = journal.intend(tenant.id(), ResourceKind.POSTGRES, "t_x", "direct");
        long redis = journal.intend(tenant.id(), ResourceKind.REDIS, "t_x-redis", "direct");
        assertThat(journal.entries(tenant.id())).extracting(JournalEntry::status)
                .containsExactly(JournalStatus.INTENDED, JournalStatus.INTENDED);

        journal.markCreated(pg, new CreatedResource(ResourceKind.POSTGRES, "t_x", "tenant_data.t_x",
                Map.of("postgres.schema", "t_x"), Map.of("postgres.password", Secret.of("never journalled"))),
                Map.of("TenantID", tenant.slug().value()));
        journal.markDeleted(redis);

        assertThat(journal.entries(tenant.id())).satisfiesExactly(
                created -> {
                    assertThat(created.id()).isEqualTo(pg);
                    assertThat(created.kind()).isEqualTo(ResourceKind.POSTGRES);
                    assertThat(created.status()).isEqualTo(JournalStatus.CREATED);
                    assertThat(created.identifier()).isEqualTo("tenant_data.t_x");
                    assertThat(created.tags()).containsEntry("TenantID", tenant.slug().value());
                    assertThat(created.attributes()).containsOnly(Map.entry("postgres.schema", "t_x"));
                    assertThat(created.engine()).isEqualTo("direct");
                },
                deleted -> {
                    assertThat(deleted.kind()).isEqualTo(ResourceKind.REDIS);
                    assertThat(deleted.status()).isEqualTo(JournalStatus.DELETED);
                    assertThat(deleted.identifier()).isNull();
                });
        assertThatThrownBy(() -> journal.markDeleted(-1))
                .hasMessageContaining("no resource journal entry");
    }

    @Test
    void validationRunsKeepTheirReportAndTheLastOneIsFound() {
        TenantRecord tenant = tenant("VALIDATING");
        ValidationRuns runs = registry.validationRuns();
        assertThat(runs.last(tenant.id())).isEmpty();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

        runs.record(tenant.id(), t0, t0.plusSeconds(5), false, "{\"passed\": false, \"checks\": 8}");
        ValidationRunRecord second = runs.record(tenant.id(), t0.plusSeconds(10), t0.plusSeconds(20), true,
                "{\"passed\": true, \"checks\": 8}");

        assertThat(runs.last(tenant.id())).hasValueSatisfying(last -> {
            assertThat(last.id()).isEqualTo(second.id());
            assertThat(last.passed()).isTrue();
            assertThat(last.finishedAt()).isEqualTo(t0.plusSeconds(20));
            assertThat(last.reportJson()).contains("\"checks\": 8");
        });
        assertThatThrownBy(() -> runs.record(tenant.id(), t0, t0, true, "not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void tenantsRoundTripAndListByState() {
        TenantRecord active = tenant("ACTIVE");
        TenantRecord degraded = tenant("DEGRADED");

        assertThat(registry.tenants().require(active.slug())).isEqualTo(active);
        assertThat(registry.tenants().byId(degraded.id())).contains(degraded);
        assertThat(registry.tenants().list(Optional.of("DEGRADED"))).contains(degraded).doesNotContain(active);
        registry.tenants().setEngine(active.slug(), "terraform");
        assertThat(registry.tenants().require(active.slug()).engineName()).contains("terraform");
        Slug nobody = TestServices.uniqueSlug("rec");
        assertThatThrownBy(() -> registry.tenants().require(nobody))
                .isInstanceOf(UnknownTenantException.class).hasMessage("no tenant '" + nobody + "' in the registry");
    }

    @Test
    void theRequestHashIgnoresTheIdempotencyKeyButNotTheParameters() {
        Slug slug = TestServices.uniqueSlug("rec");
        TenantRequest a = TestRequests.request(TestRequests.draft(slug, "gold", 2_000_000, "key-aaaaaaaa"));
        TenantRequest b = TestRequests.request(TestRequests.draft(slug, "gold", 2_000_000, "key-bbbbbbbb"));
        TenantRequest c = TestRequests.request(TestRequests.draft(slug, "silver", 2_000_000, "key-aaaaaaaa"));
        assertThat(RequestRecords.hash(a)).isEqualTo(RequestRecords.hash(b)).hasSize(64);
        assertThat(RequestRecords.hash(a)).isNotEqualTo(RequestRecords.hash(c));
    }

    private TenantRecord tenant(String state) {
        Slug slug = TestServices.uniqueSlug("rec");
        TenantRequest request = TestRequests.autoApproved(slug);
        TenantPlan plan = TestRequests.plan(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantRecord tenant = new TenantRecord(UUID.randomUUID(), slug, request.name(), request.tier(),
                request.region().code(), TenantState.valueOf(state), plan.tierConfig(), plan.cost(), null, UUID.fromString(plan.requestId()),
                now, now);
        registry.inTransaction(tx -> {
            tx.tenants().insert(tenant);
            return tx.requests().insert(tenant.requestId(), tenant.id(), request, Actor.stated("tester"), plan.approvalRoute());
        });
        return tenant;
    }
}
