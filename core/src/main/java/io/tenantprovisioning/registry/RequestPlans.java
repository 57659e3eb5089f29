package io.tenantprovisioning.registry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The request_plans table: every saved plan made for a request, never changed; the newest is current. */
public final class RequestPlans {

    private final SqlScope scope;

    RequestPlans(SqlScope scope) {
        this.scope = scope;
    }

    public void insert(RequestPlan plan) {
        scope.run("record plan " + plan.planSha256() + " of request " + plan.requestId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_plans (request_id, engine, "
                    + "plan_sha256, summary, auto_approved, planned_at, planned_by, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, plan.requestId());
                ps.setString(2, plan.engine());
                ps.setString(3, plan.planSha256());
                ps.setString(4, String.join("\n", plan.summary()));
                ps.setBoolean(5, plan.autoApproved());
                Columns.setInstant(ps, 6, plan.plannedAt());
                ps.setString(7, plan.plannedBy());
                ps.setString(8, plan.reason());
                ps.executeUpdate();
                return null;
            }
        });
    }

    /** The request's current plan: the newest one made. */
    public Optional<RequestPlan> current(UUID requestId) {
        List<RequestPlan> all = forRequest(requestId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every plan made for the request, oldest first. */
    public List<RequestPlan> forRequest(UUID requestId) {
        return scope.run("read the plans of request " + requestId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_id, engine, plan_sha256, summary, "
                    + "auto_approved, planned_at, planned_by, reason FROM request_plans WHERE request_id = ? "
                    + "ORDER BY id")) {
                ps.setObject(1, requestId);
                List<RequestPlan> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static RequestPlan read(ResultSet rs) throws SQLException {
        String summary = rs.getString("summary");
        return new RequestPlan(Columns.uuid(rs, "request_id"), rs.getString("engine"), rs.getString("plan_sha256"),
                summary.isEmpty() ? List.of() : Arrays.asList(summary.split("\n")), rs.getBoolean("auto_approved"),
                Columns.instant(rs, "planned_at"), rs.getString("planned_by"), rs.getString("reason"));
    }
}
