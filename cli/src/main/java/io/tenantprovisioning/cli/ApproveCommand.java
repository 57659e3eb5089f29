package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Verdict;
import picocli.CommandLine.Command;

@Command(name = "approve",
        description = "Record an approver group's approval; the last group on the route moves the tenant to APPROVED.",
        footer = {"", "Example:", "  tenantctl approve acme-corporation --group CFO --as cfo@example.com --comment 'in budget'",
                "", "Exit codes: 0 recorded, 2 unknown tenant, group not on the route, or group already decided"})
final class ApproveCommand extends DecisionCommand {

    @Override
    Verdict verdict() {
        return Verdict.APPROVED;
    }
}
