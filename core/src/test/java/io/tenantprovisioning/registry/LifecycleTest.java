package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.model.TenantStateTest;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {

    private ThrowawayRegistry throwaway;
    private Registry registry;
    private Lifecycle lifecycle;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
        lifecycle = new Lifecycle(registry);
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    static Stream<Arguments> everyPair() {
        return TenantStateTest.everyPair();
    }

    @ParameterizedTest(name = "{0} → {1} legal={2}")
    @MethodSource("everyPair")
    void everyTransitionIsAppliedOrRefusedInTheDatabase(TenantState from, TenantState to, boolean legal) {
        Slug slug = tenantIn(from);
        int auditRowsBefore = registry.audit().forTenant(slug.value()).size();
        if (legal) {
            AuditRecord row = lifecycle.transition(slug, from, to, "tester", "matrix");
            assertThat(stateOf(slug)).isEqualTo(to);
            assertThat(row.fromState()).isEqualTo(from.name());
            assertThat(row.toState()).isEqualTo(to.name());
            assertThat(registry.audit().forTenant(slug.value())).hasSize(auditRowsBefore + 1).last().isEqualTo(row);
        } else {
            assertThatThrownBy(() -> lifecycle.transition(slug, from, to, "tester", "matrix"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(stateOf(slug)).isEqualTo(from);
            assertThat(registry.audit().forTenant(slug.value())).hasSize(auditRowsBefore);
        }
    }

    @Test
    void aTransitionFromAStateTheTenantIsNoLongerInIsAConflictAndChangesNothing() {
        Slug slug = tenantIn(TenantState.PROVISIONING);
        lifecycle.transition(slug, TenantState.PROVISIONING, TenantState.ROLLING_BACK, "run-1", "driver failed");

        assertThatThrownBy(() -> lifecycle.transition(slug, TenantState.PROVISIONING, TenantState.CONFIGURING,
                "run-2", "late"))
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("it is ROLLING_BACK, not PROVISIONING");
        assertThat(stateOf(slug)).isEqualTo(TenantState.ROLLING_BACK);
        assertThat(registry.audit().forTenant(slug.value())).extracting(AuditRecord::actor).containsExactly("run-1");
    }

    @Test
    void aTransitionOfAnUnknownTenantSaysSo() {
        Slug nobody = TestServices.uniqueSlug("lc");
        assertThatThrownBy(() -> lifecycle.transition(nobody, TenantState.APPROVED, TenantState.PROVISIONING, "t", "r"))
                .hasMessageContaining("no tenant '" + nobody + "'");
    }

    @Test
    void theStateChangeAndItsAuditRowCommitTogether() {
        Slug slug = tenantIn(TenantState.APPROVED);
        // an audit entry without an actor fails after the UPDATE ran: the UPDATE must roll back with it
        assertThatThrownBy(() -> lifecycle.transition(slug, TenantState.APPROVED, TenantState.PROVISIONING, " ", "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stateOf(slug)).isEqualTo(TenantState.APPROVED);
        assertThat(registry.audit().forTenant(slug.value())).isEmpty();
    }

    private TenantState stateOf(Slug slug) {
        return lifecycle.state(slug);
    }

    /** A tenant put straight into a state (with its request), without audit rows. */
    private Slug tenantIn(TenantState state) {
        Slug slug = TestServices.uniqueSlug("lc");
        TenantRequest request = TestRequests.autoApproved(slug);
        TenantPlan plan = TestRequests.plan(request);
        UUID tenantId = UUID.randomUUID();
        UUID requestId = UUID.fromString(plan.requestId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        registry.inTransaction(tx -> {
            tx.tenants().insert(new TenantRecord(tenantId, slug, request.name(), request.tier(),
                    request.region().code(), state, plan.tierConfig(), plan.cost(), null, requestId, now, now));
            return tx.requests().insert(requestId, tenantId, request, Actor.stated("tester"), plan.approvalRoute());
        });
        return slug;
    }
}
