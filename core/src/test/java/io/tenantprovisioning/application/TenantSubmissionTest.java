package io.tenantprovisioning.application;

import io.tenantprovisioning.testing.Concurrently;
import io.tenantprovisioning.application.TenantSubmission;
import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.IdempotencyConflictException;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantAlreadyExistsException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestValidator;
import io.tenantprovisioning.request.RegionCatalog;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantSubmissionTest {

    private ThrowawayRegistry throwaway;
    private Registry registry;
    private TenantSubmission submission;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
        submission = new TenantSubmission(registry);
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void anAutoApprovedRequestIsRecordedAndApprovedWithEveryStepAudited() {
        Slug slug = TestServices.uniqueSlug("sub");
        TenantPlan plan = TestRequests.plan(TestRequests.autoApproved(slug));

        SubmissionOutcome outcome = submission.submit(plan, "requester@example.com");

        assertThat(outcome.state()).isEqualTo(TenantState.APPROVED);
        assertThat(outcome.autoApproved()).isTrue();
        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.requestId().toString()).isEqualTo(plan.requestId());
        assertThat(outcome.monthlyCostInr()).isEqualTo(plan.cost().monthlyInr());
        TenantRecord tenant = registry.tenants().require(slug);
        assertThat(tenant.state().name()).isEqualTo("APPROVED");
        assertThat(tenant.tierConfig()).isEqualTo(plan.tierConfig());
        assertThat(tenant.cost()).isEqualTo(plan.cost());
        assertThat(tenant.requestId()).isEqualTo(outcome.requestId());
        assertThat(registry.audit().forTenant(slug.value()))
                .extracting(AuditRecord::actor, AuditRecord::fromState, AuditRecord::toState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requester@example.com", null, "REQUESTED"),
                        org.assertj.core.groups.Tuple.tuple(TenantSubmission.POLICY_ACTOR, "REQUESTED", "APPROVED"));
    }

    @Test
    void aRequestThatNeedsApproversWaitsWithItsRouteStored() {
        Slug slug = TestServices.uniqueSlug("sub");
        TenantPlan plan = TestRequests.plan(TestRequests.needsCfoAndCto(slug));

        SubmissionOutcome outcome = submission.submit(plan, "requester@example.com");

        assertThat(outcome.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(outcome.route().groups()).containsExactly(ApproverGroup.CFO, ApproverGroup.CTO);
        StoredRequest stored = registry.requests().require(outcome.requestId());
        assertThat(stored.route()).isEqualTo(plan.approvalRoute());
        assertThat(stored.requester()).isEqualTo("requester@example.com");
        // the stored request gives the validated request back
        assertThat(new RequestValidator(RegionCatalog.load()).validate(stored.request())).isEqualTo(plan.request());
        assertThat(registry.audit().forTenant(slug.value())).last()
                .satisfies(r -> assertThat(r.reason()).startsWith("needs approval: CFO (").contains("; CTO ("));
    }

    @Test
    void repeatingAnIdempotencyKeyWithTheSameParametersReturnsTheFirstOutcome() {
        Slug slug = TestServices.uniqueSlug("sub");
        String key = "key-" + slug.value();
        TenantRequest request = TestRequests.request(TestRequests.draft(slug, "gold", 2_000_000, key));
        SubmissionOutcome first = submission.submit(TestRequests.plan(request), "first@example.com");

        SubmissionOutcome again = submission.submit(TestRequests.plan(request), "second@example.com");

        assertThat(again.replayed()).isTrue();
        assertThat(again.requestId()).isEqualTo(first.requestId());
        assertThat(again.tenantId()).isEqualTo(first.tenantId());
        assertThat(again.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(again.route()).isEqualTo(first.route());
        assertThat(registry.tenants().list(Optional.empty())).filteredOn(t -> t.slug().equals(slug)).hasSize(1);
        assertThat(registry.audit().forTenant(slug.value())).hasSize(2);
    }

    @Test
    void theSameKeyWithDifferentParametersIsRefusedAndRecordsNothing() {
        Slug slug = TestServices.uniqueSlug("sub");
        String key = "key-" + slug.value();
        SubmissionOutcome first = submission.submit(TestRequests.plan(
                TestRequests.request(TestRequests.draft(slug, "gold", 2_000_000, key))), "first@example.com");
        Slug other = TestServices.uniqueSlug("sub");

        for (TenantRequest changed : List.of(
                TestRequests.request(TestRequests.draft(slug, "gold", 2_500_000, key)),
                TestRequests.request(TestRequests.draft(other, "gold", 2_000_000, key)))) {
            assertThatThrownBy(() -> submission.submit(TestRequests.plan(changed), "first@example.com"))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                        assertThat(e.firstRequestId()).isEqualTo(first.requestId().toString());
                        assertThat(e.getMessage()).contains(key).contains("different parameters");
                    });
        }
        assertThat(registry.tenants().find(other)).isEmpty();
        assertThat(registry.audit().forTenant(slug.value())).hasSize(2);
    }

    @Test
    void aSecondLiveTenantWithTheSameSlugIsRefused() {
        Slug slug = TestServices.uniqueSlug("sub");
        submission.submit(TestRequests.plan(TestRequests.autoApproved(slug)), "a@example.com");

        assertThatThrownBy(() -> submission.submit(TestRequests.plan(TestRequests.autoApproved(slug)), "b@example.com"))
                .isInstanceOf(TenantAlreadyExistsException.class)
                .hasMessageContaining("tenant '" + slug + "' already exists");
    }

    @Test
    void aSlugIsFreeAgainOnceItsTenantWasRolledBack() {
        Slug slug = TestServices.uniqueSlug("sub");
        SubmissionOutcome first = submission.submit(TestRequests.plan(TestRequests.autoApproved(slug)), "a@example.com");
        Lifecycle lifecycle = new Lifecycle(registry);
        lifecycle.transition(slug, TenantState.APPROVED, TenantState.PROVISIONING, "run", "start");
        lifecycle.transition(slug, TenantState.PROVISIONING, TenantState.ROLLING_BACK, "run", "failed");
        lifecycle.transition(slug, TenantState.ROLLING_BACK, TenantState.ROLLED_BACK, "run", "sweep found nothing");

        SubmissionOutcome second = submission.submit(TestRequests.plan(TestRequests.autoApproved(slug)), "a@example.com");

        assertThat(second.tenantId()).isNotEqualTo(first.tenantId());
        assertThat(registry.tenants().require(slug).id()).isEqualTo(second.tenantId());
    }

    @Test
    void tenConcurrentRequestsForOneNewTenantRecordExactlyOneTenant() throws Exception {
        Slug slug = TestServices.uniqueSlug("sub");
        List<Object> results = Concurrently.run(10, i -> submission.submit(
                TestRequests.plan(TestRequests.autoApproved(slug)), "caller-" + i + "@example.com"));

        assertThat(results).filteredOn(SubmissionOutcome.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(TenantAlreadyExistsException.class::isInstance).hasSize(9);
        assertThat(registry.tenants().list(Optional.empty())).filteredOn(t -> t.slug().equals(slug)).hasSize(1);
    }

    @Test
    void tenConcurrentReplaysOfOneKeyAllGetTheSameRequest() throws Exception {
        Slug slug = TestServices.uniqueSlug("sub");
        TenantRequest request = TestRequests.request(TestRequests.draft(slug, "bronze", 500_000, "key-" + slug));
        List<Object> results = Concurrently.run(10, i -> submission.submit(TestRequests.plan(request), "caller@example.com"));

        assertThat(results).allMatch(SubmissionOutcome.class::isInstance);
        List<SubmissionOutcome> outcomes = results.stream().map(SubmissionOutcome.class::cast).toList();
        assertThat(outcomes).extracting(SubmissionOutcome::requestId).containsOnly(outcomes.get(0).requestId());
        assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
    }

    @Test
    void aRequestNeedsARequester() {
        Slug slug = TestServices.uniqueSlug("sub");
        assertThatThrownBy(() -> submission.submit(TestRequests.plan(TestRequests.autoApproved(slug)), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requester");
        assertThat(registry.tenants().find(slug)).isEmpty();
    }

}
