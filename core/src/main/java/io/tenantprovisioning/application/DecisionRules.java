package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.ConfigVersionStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import java.util.List;
import java.util.Optional;

/**
 * Whether one decision may be recorded on one request, checked inside the decision's transaction
 * with the request's tenant row locked. In order: the group is on the route, the group has not
 * decided yet, the request is the slug's current one and waits for approval (a decision binds to
 * the request it names, never to a newer request of the same slug), the requester does not approve
 * their own request, and nobody decides for a second group of the same request. Each refusal is an
 * {@link ApprovalException} that says which rule and changes nothing.
 *
 * <p>Rejecting one's own request is allowed: a rejection only withdraws the request, and nothing is
 * provisioned on a rejection, so there is no duty to separate.
 */
final class DecisionRules {

    private final Registry tx;
    private final TenantRecord tenant;
    private final StoredRequest request;
    private final List<ApprovalRecord> decided;
    private final Optional<ConfigVersion> change;

    /** @param change the configuration version the request asks for, when it is a change of a serving tenant */
    DecisionRules(Registry tx, TenantRecord tenant, StoredRequest request, List<ApprovalRecord> decided,
                  Optional<ConfigVersion> change) {
        this.tx = tx;
        this.tenant = tenant;
        this.request = request;
        this.decided = List.copyOf(decided);
        this.change = change;
    }

    void requireAllowed(ApproverGroup group, Actor approver, Verdict verdict) {
        requireOnRoute(group);
        requireUndecided(group);
        requireCurrentAndPending();
        if (verdict == Verdict.APPROVED) {
            requireNotTheRequester(group, approver);
        }
        requireNoOtherGroupDecidedBy(approver);
    }

    private void requireOnRoute(ApproverGroup group) {
        ApprovalRoute route = request.route();
        if (!route.requires(group)) {
            throw new ApprovalException("group " + group + " is not on the approval route of tenant '" + tenant.slug()
                    + "'" + (route.autoApproved() ? " (it was auto-approved)" : "; the route is " + route.groups()));
        }
    }

    private void requireUndecided(ApproverGroup group) {
        Optional<ApprovalRecord> earlier = decided.stream().filter(d -> d.group() == group).findFirst();
        if (earlier.isPresent()) {
            ApprovalRecord d = earlier.get();
            throw new ApprovalException("group " + group + " already decided on tenant '" + tenant.slug() + "': "
                    + d.decision() + " by " + d.approver() + " at " + d.decidedAt() + "; a group decides once");
        }
    }

    /** The tenant row is the request's own: it waits for approval only while its request is the slug's current one. */
    private void requireCurrentAndPending() {
        if (change.isPresent()) {
            requireChangePending(change.get());
            return;
        }
        if (tenant.state() == TenantState.PENDING_APPROVAL) {
            return;
        }
        String notPending = "tenant '" + tenant.slug() + "' is " + tenant.state()
                + "; decisions are recorded only while it is PENDING_APPROVAL";
        Optional<TenantRecord> current = tx.tenants().find(tenant.slug()).filter(t -> !t.id().equals(tenant.id()));
        if (current.isEmpty()) {
            throw new ApprovalException(notPending + " (request " + request.id() + ")");
        }
        throw new ApprovalException("request " + request.id() + " is no longer current: " + notPending
                + "; the current request of '" + tenant.slug() + "' is " + current.get().requestId() + " ("
                + current.get().state() + "), a decision on it must name it");
    }

    /** A change is decided while it waits; the tenant keeps serving meanwhile, whatever its state. */
    private void requireChangePending(ConfigVersion version) {
        if (!UpdateHandler.STARTS_FROM.contains(tenant.state())) {
            throw new ApprovalException("change v" + version.version() + " of tenant '" + tenant.slug() + "' (request "
                    + request.id() + ") can no longer be applied: the tenant is " + tenant.state());
        }
        if (version.status() != ConfigVersionStatus.PENDING_APPROVAL) {
            throw new ApprovalException("change v" + version.version() + " of tenant '" + tenant.slug() + "' (request "
                    + request.id() + ") is " + version.status() + "; decisions are recorded only while it is "
                    + "PENDING_APPROVAL");
        }
    }

    private void requireNotTheRequester(ApproverGroup group, Actor approver) {
        if (approver.isSamePersonAs(request.requester())) {
            throw new ApprovalException(request.requester() + " requested tenant '" + tenant.slug() + "' (request "
                    + request.id() + ") and may not approve it: the requester never approves their own request "
                    + "(separation of duties); a " + group + " approver other than " + request.requester()
                    + " must decide");
        }
    }

    private void requireNoOtherGroupDecidedBy(Actor approver) {
        Optional<ApprovalRecord> own = decided.stream().filter(d -> approver.isSamePersonAs(d.approver())).findFirst();
        if (own.isPresent()) {
            ApprovalRecord d = own.get();
            throw new ApprovalException(d.approver() + " already decided for " + d.group() + " on request "
                    + request.id() + " (" + d.decision() + " at " + d.decidedAt() + "); one person decides for one "
                    + "group of a request at most, another person must decide for the next group");
        }
    }
}
