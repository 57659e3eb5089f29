package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Verdict;
import picocli.CommandLine.Command;

@Command(name = "approve",
        description = "Record an approver group's approval; the last group on the route moves the tenant to APPROVED.",
        footer = {"", "Example:", "  tenantctl approve acme-corporation --group CFO --as cfo@example.com --comment 'in budget'",
                "  (run in cfo@example.com's own session: TENANTCTL_OPERATOR or the OS account is cfo@example.com)",
                "", "The approver is you: TENANTCTL_OPERATOR from your session's environment, else your OS account;",
                "--as must name that identity. You may not approve a request you made, nor decide for two groups",
                "of one request.",
                "", "Exit codes: 0 recorded, 2 refused and nothing recorded: unknown tenant, group not on the route,",
                "            group already decided, --as is not you, requester approving, second group for one",
                "            person, or a request that is no longer current"})
final class ApproveCommand extends DecisionCommand {

    @Override
    Verdict verdict() {
        return Verdict.APPROVED;
    }
}
