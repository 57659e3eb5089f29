package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Verdict;
import picocli.CommandLine.Command;

@Command(name = "reject",
        description = "Record an approver group's rejection; one rejection moves the tenant to REJECTED.",
        footer = {"", "Example:", "  tenantctl reject acme-corporation --group CFO --as cfo@example.com --comment 'over budget'",
                "", "Exit codes: 0 recorded, 2 unknown tenant, group not on the route, or group already decided"})
final class RejectCommand extends DecisionCommand {

    @Override
    Verdict verdict() {
        return Verdict.REJECTED;
    }
}
