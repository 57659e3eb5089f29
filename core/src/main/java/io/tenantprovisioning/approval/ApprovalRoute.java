package io.tenantprovisioning.approval;

import java.util.List;

/** The ordered approver groups a request needs; empty means auto-approved. */
public record ApprovalRoute(List<ApprovalStep> steps) {

    public ApprovalRoute {
        steps = List.copyOf(steps);
        if (steps.stream().map(ApprovalStep::group).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("an approval route names each group once: " + steps);
        }
    }

    public boolean autoApproved() {
        return steps.isEmpty();
    }

    public List<ApproverGroup> groups() {
        return steps.stream().map(ApprovalStep::group).toList();
    }

    public boolean requires(ApproverGroup group) {
        return groups().contains(group);
    }
}
