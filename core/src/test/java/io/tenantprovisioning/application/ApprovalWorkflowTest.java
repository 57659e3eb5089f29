package io.tenantprovisioning.application;

import io.tenantprovisioning.testing.Concurrently;
import io.tenantprovisioning.application.ApprovalWorkflow;
import io.tenantprovisioning.application.TenantSubmission;
import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.application.ApprovalOutcome;
import io.tenantprovisioning.application.ApprovalException;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.model.TenantState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalWorkflowTest {

    private ThrowawayRegistry throwaway;
    private Registry registry;
    private ApprovalWorkflow approvals;

    @BeforeAll
    void setUp() {
        throwaway = ThrowawayRegistry.create();
        registry = throwaway.registry();
        approvals = new ApprovalWorkflow(registry);
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    @Test
    void theLastApprovalOnTheRouteApprovesTheRequest() {
        SubmissionOutcome submitted = pendingCfoAndCto();
        Slug slug = submitted.slug();

        ApprovalOutcome afterCfo = approvals.decide(slug, ApproverGroup.CFO, "cfo@example.com", Verdict.APPROVED,
                "within budget");
        assertThat(afterCfo.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(afterCfo.stillPending()).containsExactly(ApproverGroup.CTO);

        ApprovalOutcome afterCto = approvals.decide(slug, ApproverGroup.CTO, "cto@example.com", Verdict.APPROVED, null);
        assertThat(afterCto.state()).isEqualTo(TenantState.APPROVED);
        assertThat(afterCto.stillPending()).isEmpty();
        assertThat(afterCto.requestId()).isEqualTo(submitted.requestId());

        assertThat(registry.tenants().require(slug).state().name()).isEqualTo("APPROVED");
        List<ApprovalRecord> decisions = registry.approvals().forRequest(submitted.requestId());
        assertThat(decisions).extracting(ApprovalRecord::group, ApprovalRecord::approver, ApprovalRecord::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApproverGroup.CFO, "cfo@example.com", "within budget"),
                        org.assertj.core.groups.Tuple.tuple(ApproverGroup.CTO, "cto@example.com", null));
        assertThat(decisions).allSatisfy(d -> assertThat(d.decidedAt()).isNotNull());
        assertThat(registry.audit().forTenant(slug.value())).extracting(AuditRecord::actor, AuditRecord::action,
                AuditRecord::toState).endsWith(
                org.assertj.core.groups.Tuple.tuple("cfo@example.com", "approval", null),
                org.assertj.core.groups.Tuple.tuple("cto@example.com", "approval", null),
                org.assertj.core.groups.Tuple.tuple("cto@example.com", "transition", "APPROVED"));
    }

    @Test
    void oneRejectionRejectsTheRequestAndFreesTheSlug() {
        Slug slug = pendingCfoAndCto().slug();

        ApprovalOutcome outcome = approvals.decide(slug, ApproverGroup.CTO, "cto@example.com", Verdict.REJECTED,
                "Gold is not justified");

        assertThat(outcome.state()).isEqualTo(TenantState.REJECTED);
        assertThat(registry.tenants().require(slug).state().name()).isEqualTo("REJECTED");
        assertThat(registry.audit().forTenant(slug.value())).last().satisfies(r -> {
            assertThat(r.fromState()).isEqualTo("PENDING_APPROVAL");
            assertThat(r.toState()).isEqualTo("REJECTED");
            assertThat(r.reason()).isEqualTo("rejected by CTO");
        });
        assertThatThrownBy(() -> approvals.decide(slug, ApproverGroup.CFO, "cfo@example.com", Verdict.APPROVED, null))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("is REJECTED; decisions are recorded only while it is PENDING_APPROVAL");
        // a rejected tenant's slug may be requested again
        assertThat(pendingCfoAndCto(slug).state()).isEqualTo(TenantState.PENDING_APPROVAL);
    }

    @Test
    void aGroupNotOnTheRouteMayNotDecideAndNothingIsRecorded() {
        SubmissionOutcome submitted = pendingCfoAndCto();
        int auditRows = registry.audit().forTenant(submitted.slug().value()).size();

        assertThatThrownBy(() -> approvals.decide(submitted.slug(), ApproverGroup.LEGAL, "legal@example.com",
                Verdict.APPROVED, null))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("group LEGAL is not on the approval route")
                .hasMessageContaining("[CFO, CTO]");
        assertThat(registry.approvals().forRequest(submitted.requestId())).isEmpty();
        assertThat(registry.audit().forTenant(submitted.slug().value())).hasSize(auditRows);
    }

    @Test
    void aGroupDecidesOnlyOnce() {
        SubmissionOutcome submitted = pendingCfoAndCto();
        approvals.decide(submitted.slug(), ApproverGroup.CFO, "cfo@example.com", Verdict.APPROVED, null);

        for (Verdict verdict : Verdict.values()) {
            assertThatThrownBy(() -> approvals.decide(submitted.slug(), ApproverGroup.CFO, "deputy-cfo@example.com",
                    verdict, null))
                    .isInstanceOf(ApprovalException.class)
                    .hasMessageContaining("group CFO already decided")
                    .hasMessageContaining("APPROVED by cfo@example.com");
        }
        assertThat(registry.approvals().forRequest(submitted.requestId())).hasSize(1);
        assertThat(registry.tenants().require(submitted.slug()).state().name()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void anAutoApprovedRequestTakesNoDecisions() {
        SubmissionOutcome submitted = new TenantSubmission(registry).submit(
                TestRequests.plan(TestRequests.autoApproved(TestServices.uniqueSlug("appr"))), "r@example.com");
        assertThatThrownBy(() -> approvals.decide(submitted.slug(), ApproverGroup.CFO, "cfo@example.com",
                Verdict.APPROVED, null))
                .hasMessageContaining("(it was auto-approved)");
    }

    @Test
    void decisionsCanNameTheRequestInsteadOfTheSlug() {
        SubmissionOutcome submitted = pendingCfoAndCto();
        ApprovalOutcome outcome = approvals.decide(submitted.requestId(), ApproverGroup.CFO, "cfo@example.com",
                Verdict.APPROVED, " ");
        assertThat(outcome.slug()).isEqualTo(submitted.slug().value());
        assertThat(registry.approvals().forRequest(submitted.requestId())).singleElement()
                .satisfies(d -> assertThat(d.comment()).isNull());
    }

    @Test
    void unknownTenantsAndAnonymousApproversAreRefused() {
        Slug nobody = TestServices.uniqueSlug("appr");
        assertThatThrownBy(() -> approvals.decide(nobody, ApproverGroup.CFO, "cfo@example.com", Verdict.APPROVED, null))
                .hasMessageContaining("no tenant '" + nobody + "'");
        Slug slug = pendingCfoAndCto().slug();
        assertThatThrownBy(() -> approvals.decide(slug, ApproverGroup.CFO, "  ", Verdict.APPROVED, null))
                .isInstanceOf(ApprovalException.class).hasMessageContaining("approver's identity");
    }

    @Test
    void concurrentDecisionsByBothGroupsEndApprovedWithBothRecorded() throws Exception {
        SubmissionOutcome submitted = pendingCfoAndCto();
        List<Object> results = Concurrently.run(2, i -> approvals.decide(submitted.slug(),
                i == 0 ? ApproverGroup.CFO : ApproverGroup.CTO, "approver-" + i + "@example.com", Verdict.APPROVED,
                null));

        assertThat(results).allMatch(ApprovalOutcome.class::isInstance);
        assertThat(registry.tenants().require(submitted.slug()).state().name()).isEqualTo("APPROVED");
        assertThat(registry.approvals().forRequest(submitted.requestId())).hasSize(2);
    }

    private SubmissionOutcome pendingCfoAndCto() {
        return pendingCfoAndCto(TestServices.uniqueSlug("appr"));
    }

    private SubmissionOutcome pendingCfoAndCto(Slug slug) {
        return new TenantSubmission(registry).submit(TestRequests.plan(TestRequests.needsCfoAndCto(slug)),
                "requester@example.com");
    }
}
