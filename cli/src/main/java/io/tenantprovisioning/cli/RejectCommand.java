package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.Verdict;
import picocli.CommandLine.Command;

@Command(name = "reject",
        description = "Record an approver group's rejection; one rejection moves the tenant to REJECTED.",
        footer = {"", "Example:", "  tenantctl reject acme-corporation --group CFO --as cfo@example.com --comment 'over budget'",
                "  (run in cfo@example.com's own session: TENANTCTL_OPERATOR or the OS account is cfo@example.com)",
                "", "The approver is you: TENANTCTL_OPERATOR from your session's environment, else your OS account;",
                "--as must name that identity. You may reject (withdraw) a request you made; you may not decide",
                "for two groups of one request.",
                "", "Exit codes: 0 recorded, 2 refused and nothing recorded: unknown tenant, group not on the route,",
                "            group already decided, --as is not you, second group for one person, or a request",
                "            that is no longer current"})
final class RejectCommand extends DecisionCommand {

    @Override
    Verdict verdict() {
        return Verdict.REJECTED;
    }
}
