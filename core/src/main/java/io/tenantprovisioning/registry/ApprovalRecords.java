package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The approvals table: at most one decision per group, request and saved plan, never changed afterwards,
 * and (index {@value #ONE_GROUP_PER_PERSON}) at most one group per person, request and saved plan.
 */
public final class ApprovalRecords {

    static final String ONE_GROUP_PER_PERSON = "approvals_one_group_per_person";

    private final SqlScope scope;

    ApprovalRecords(SqlScope scope) {
        this.scope = scope;
    }

    /**
     * Records a decision. A person who already decided for another group of the request is refused
     * here too ({@link StateConflictException}), whatever the caller checked before.
     */
    public void insert(ApprovalRecord approval) {
        scope.run("record the " + approval.group() + " decision on request " + approval.requestId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (request_id, approver_group, "
                    + "decision, approver, decided_at, comment, approver_source, plan_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, approval.requestId());
                ps.setString(2, approval.group().name());
                ps.setString(3, approval.decision().name());
                ps.setString(4, approval.approver());
                Columns.setInstant(ps, 5, approval.decidedAt());
                ps.setString(6, approval.comment());
                ps.setString(7, approval.approverSource());
                ps.setString(8, approval.planSha256());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (Columns.isUniqueViolation(e, ONE_GROUP_PER_PERSON)) {
                    throw new StateConflictException(approval.approver() + " already decided for another group of "
                            + "request " + approval.requestId() + "; one person decides for one group of a request "
                            + "at most");
                }
                throw e;
            }
        });
    }

    /** The request's decisions, oldest first. */
    public List<ApprovalRecord> forRequest(UUID requestId) {
        return scope.run("read decisions on request " + requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_id, approver_group, decision, approver, "
                    + "decided_at, comment, approver_source, plan_sha256 FROM approvals WHERE request_id = ? "
                    + "ORDER BY decided_at, approver_group")) {
                ps.setObject(1, requestId);
                List<ApprovalRecord> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ApprovalRecord(Columns.uuid(rs, "request_id"),
                                ApproverGroup.valueOf(rs.getString("approver_group")),
                                Verdict.valueOf(rs.getString("decision")), rs.getString("approver"),
                                Columns.instant(rs, "decided_at"), rs.getString("comment"),
                                rs.getString("approver_source"), rs.getString("plan_sha256")));
                    }
                }
                return rows;
            }
        });
    }
}
