package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.IdentitySource;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.AuditRecord;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trust boundaries of approvals (issue #15 items 3 and 4), each attack played against a real
 * registry: the requester approving their own request, one person deciding for two groups, and an
 * old request's decision landing on the slug's newer request. Each is refused and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalTrustBoundariesTest {

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
    void theRequesterMayNotApproveTheirOwnRequest() {
        SubmissionOutcome submitted = submit(TestServices.uniqueSlug("sod"), 2_000_000, "alice@example.com");
        int auditRows = auditRows(submitted.slug());

        // the same person, however the name is spelled
        for (String alice : new String[] {"alice@example.com", " Alice@Example.com "}) {
            assertThatThrownBy(() -> approvals.decide(submitted.slug(), ApproverGroup.CFO, alice, Verdict.APPROVED,
                    "looks fine to me"))
                    .isInstanceOf(ApprovalException.class)
                    .hasMessageContaining("alice@example.com requested")
                    .hasMessageContaining("may not approve it");
        }

        assertUnchanged(submitted, auditRows);
    }

    @Test
    void theRequesterMayWithdrawTheirRequestByRejectingIt() {
        SubmissionOutcome submitted = submit(TestServices.uniqueSlug("sod"), 2_000_000, "alice@example.com");

        ApprovalOutcome outcome = approvals.decide(submitted.slug(), ApproverGroup.CFO, "alice@example.com",
                Verdict.REJECTED, "asked for the wrong tier");

        assertThat(outcome.state()).isEqualTo(TenantState.REJECTED);
    }

    @Test
    void onePersonDecidesForOneGroupOfARequestAtMost() {
        SubmissionOutcome submitted = submit(TestServices.uniqueSlug("sod"), 2_000_000, "alice@example.com");
        approvals.decide(submitted.slug(), ApproverGroup.CFO, "bob@example.com", Verdict.APPROVED, "in budget");
        int auditRows = auditRows(submitted.slug());

        for (Verdict verdict : Verdict.values()) {
            assertThatThrownBy(() -> approvals.decide(submitted.requestId(), ApproverGroup.CTO, "BOB@example.com",
                    verdict, null))
                    .isInstanceOf(ApprovalException.class)
                    .hasMessageContaining("bob@example.com already decided for CFO")
                    .hasMessageContaining("one person decides for one group of a request at most");
        }

        assertThat(registry.approvals().forRequest(submitted.requestId())).hasSize(1);
        assertThat(registry.tenants().require(submitted.slug()).state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(auditRows(submitted.slug())).isEqualTo(auditRows);
    }

    @Test
    void anOldRequestsDecisionDoesNotLandOnTheSlugsNewerRequest() {
        Slug slug = TestServices.uniqueSlug("bind");
        SubmissionOutcome old = submit(slug, 2_000_000, "alice@example.com");
        approvals.decide(slug, ApproverGroup.CTO, "cto@example.com", Verdict.REJECTED, "not now");
        // the same slug asked again, for more money: a new request waits for its own approvers
        SubmissionOutcome newer = submit(slug, 6_000_000, "alice@example.com");
        int auditRows = auditRows(slug);

        // an old build's CFO click arrives late, naming the old request
        assertThatThrownBy(() -> approvals.decide(old.requestId(), ApproverGroup.CFO, "cfo@example.com",
                Verdict.APPROVED, "approved the 20 lakh one"))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("request " + old.requestId() + " is no longer current")
                .hasMessageContaining("the current request of '" + slug + "' is " + newer.requestId());

        // naming the slug as well does not help: the named request must be the slug's current one
        Actor cfo = new Actor("cfo@example.com", IdentitySource.CLI_OPERATOR_VARIABLE);
        assertThatThrownBy(() -> approvals.decide(slug, old.requestId(), ApproverGroup.CFO, cfo, Verdict.APPROVED,
                null))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("request " + old.requestId() + " is no longer current");

        assertThat(registry.approvals().forRequest(newer.requestId())).isEmpty();
        assertThat(registry.approvals().forRequest(old.requestId())).hasSize(1);
        assertUnchanged(newer, auditRows);
    }

    @Test
    void aDecisionNamingAnotherTenantsRequestIsRefused() {
        SubmissionOutcome acme = submit(TestServices.uniqueSlug("bind"), 2_000_000, "alice@example.com");
        SubmissionOutcome other = submit(TestServices.uniqueSlug("bind"), 2_000_000, "alice@example.com");

        assertThatThrownBy(() -> approvals.decide(acme.slug(), other.requestId(), ApproverGroup.CFO,
                Actor.stated("cfo@example.com"), Verdict.APPROVED, null))
                .isInstanceOf(ApprovalException.class)
                .hasMessageContaining("is a request for tenant '" + other.slug() + "', not '" + acme.slug() + "'");
        assertThat(registry.approvals().forRequest(other.requestId())).isEmpty();
    }

    @Test
    void theRequestAndTheDecisionKeepWhereTheirIdentitiesCameFrom() {
        Slug slug = TestServices.uniqueSlug("who");
        SubmissionOutcome submitted = new TenantSubmission(registry).submit(TestRequests.plan(TestRequests.request(
                TestRequests.draft(slug, "gold", 2_000_000, null))), new Actor("alice", IdentitySource.CLI_OS_USER));

        approvals.decide(slug, ApproverGroup.CFO, new Actor("cfo@example.com", IdentitySource.CLI_OPERATOR_VARIABLE),
                Verdict.APPROVED, "in budget");

        StoredRequest request = registry.requests().require(submitted.requestId());
        assertThat(request.requester()).isEqualTo("alice");
        assertThat(request.requesterIdentitySource()).contains("cli:os-user");
        assertThat(registry.approvals().forRequest(submitted.requestId())).singleElement().satisfies(d -> {
            assertThat(d.approver()).isEqualTo("cfo@example.com");
            assertThat(d.approverIdentitySource()).contains("cli:TENANTCTL_OPERATOR");
        });
        List<AuditRecord> audit = registry.audit().forTenant(slug.value());
        assertThat(audit.get(0).reason()).endsWith("[requester identity cli:os-user]");
        assertThat(audit).filteredOn(r -> r.action().equals("approval")).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("cfo@example.com");
            assertThat(r.reason()).isEqualTo("CFO APPROVED by cfo@example.com: in budget [request "
                    + submitted.requestId() + "; identity cli:TENANTCTL_OPERATOR]");
        });
    }

    @Test
    void theRegistryRefusesASecondGroupForOnePersonWhateverTheCallerChecked() {
        SubmissionOutcome submitted = submit(TestServices.uniqueSlug("sod"), 2_000_000, "alice@example.com");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        registry.approvals().insert(new ApprovalRecord(submitted.requestId(), ApproverGroup.CFO, Verdict.APPROVED,
                "bob@example.com", now, null, "stated"));

        assertThatThrownBy(() -> registry.approvals().insert(new ApprovalRecord(submitted.requestId(),
                ApproverGroup.CTO, Verdict.APPROVED, " Bob@Example.com", now, null, "stated")))
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("one person decides for one group of a request at most");
        assertThat(registry.approvals().forRequest(submitted.requestId())).hasSize(1);
    }

    @Test
    void aDecisionByRequestIdIsRecordedOnThatRequestOnly() {
        Slug slug = TestServices.uniqueSlug("bind");
        SubmissionOutcome submitted = submit(slug, 2_000_000, "alice@example.com");

        ApprovalOutcome outcome = approvals.decide(submitted.requestId(), ApproverGroup.CFO, "cfo@example.com",
                Verdict.APPROVED, null);

        assertThat(outcome.requestId()).isEqualTo(submitted.requestId());
        assertThat(registry.approvals().forRequest(submitted.requestId())).singleElement()
                .satisfies(d -> assertThat(d.requestId()).isEqualTo(submitted.requestId()));
    }

    private SubmissionOutcome submit(Slug slug, long budget, String requester) {
        SubmissionOutcome outcome = new TenantSubmission(registry).submit(TestRequests.plan(TestRequests.request(
                TestRequests.draft(slug, "gold", budget, null))), requester);
        assertThat(outcome.state()).isEqualTo(TenantState.PENDING_APPROVAL);
        return outcome;
    }

    private int auditRows(Slug slug) {
        return registry.audit().forTenant(slug.value()).size();
    }

    private void assertUnchanged(SubmissionOutcome submitted, int auditRows) {
        assertThat(registry.approvals().forRequest(submitted.requestId())).isEmpty();
        assertThat(registry.tenants().require(submitted.slug()).state()).isEqualTo(TenantState.PENDING_APPROVAL);
        assertThat(auditRows(submitted.slug())).isEqualTo(auditRows);
    }
}
