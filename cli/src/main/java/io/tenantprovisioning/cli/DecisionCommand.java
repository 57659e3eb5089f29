package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.ApprovalOutcome;
import io.tenantprovisioning.application.DecideHandler;
import io.tenantprovisioning.application.TenantLedger;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.request.Slug;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * approve and reject: one approver group's decision on a tenant waiting in PENDING_APPROVAL. The
 * approver is the operator (see {@link Operator}); {@code --as} must name them, so nobody records a
 * decision under someone else's name by typing it. The decision binds to the tenant's current
 * request, or to {@code --request} when given.
 */
abstract class DecisionCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "<slug>", description = "The tenant's slug.")
    String slug;

    @Option(names = "--group", required = true, paramLabel = "GROUP",
            description = "The approver group deciding: CFO, CTO, LEGAL, COMPLIANCE or DPO.")
    String group;

    @Option(names = "--as", required = true, paramLabel = "APPROVER",
            description = {"Who decides, e.g. cfo@example.com: must be you, the operator (TENANTCTL_OPERATOR, "
                    + "else your OS account); recorded and audited with where the identity came from."})
    String approver;

    @Option(names = "--request", paramLabel = "REQUEST_ID",
            description = "The request you reviewed (from the approval notice or `tenantctl show`); refused if the "
                    + "tenant's current request is another one. Default: the current request.")
    String requestId;

    @Option(names = "--plan", paramLabel = "SHA256",
            description = "The saved plan you reviewed (terraform engine: its SHA-256, from `tenantctl show`); refused "
                    + "if the request has another plan by now. Default: the request's current plan.")
    String planSha256;

    @Option(names = "--comment", description = "Why (recorded and audited).")
    String comment;

    @Mixin
    OutputOptions output;

    abstract Verdict verdict();

    @Override
    int run(TenantLedger ledger, PrintWriter out) {
        ApproverGroup approverGroup = ApproverGroup.parse(group).orElseThrow(() -> new CliFailure(
                ExitCode.INVALID_INPUT, "group '" + group + "' is not one of " + Arrays.stream(ApproverGroup.values())
                .map(Enum::name).collect(Collectors.joining(", "))));
        Actor decider = Tenantctl.operator(spec).confirmedBy("--as", approver);
        DecideHandler decisions = ledger.decisions();
        ApprovalOutcome outcome = decisions.decide(Slug.of(slug), Optional.ofNullable(requestId),
                Optional.ofNullable(planSha256), approverGroup, decider, verdict(), comment);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requestId", outcome.requestId().toString());
            json.put("slug", outcome.slug());
            json.put("group", approverGroup.name());
            json.put("decision", verdict().name());
            json.put("approver", decider.id());
            json.put("approverSource", decider.source().label());
            json.put("state", outcome.state().name());
            if (outcome.changeVersion() > 0) {
                json.put("changeVersion", outcome.changeVersion());
            }
            json.put("stillPending", outcome.stillPending().stream().map(Enum::name).toList());
            out.println(JsonOutput.write(json));
        } else {
            out.printf("recorded: %s %s tenant '%s' (request %s) as %s%n", approverGroup, verdict(), outcome.slug(),
                    outcome.requestId(), decider.describe());
            out.println(next(outcome));
        }
        return ExitCode.OK;
    }

    private static String next(ApprovalOutcome outcome) {
        if (outcome.changeVersion() > 0 && outcome.state() != TenantState.PENDING_APPROVAL) {
            return "change v" + outcome.changeVersion() + " of tenant '" + outcome.slug() + "' is now " + outcome.state()
                    + (outcome.state() == TenantState.APPROVED ? "; apply it with: tenantctl resume " + outcome.slug()
                    : "; the tenant keeps its configuration");
        }
        if (outcome.state() == TenantState.APPROVED) {
            return "tenant '" + outcome.slug() + "' is now APPROVED; continue with: tenantctl resume " + outcome.slug();
        }
        if (outcome.state() == TenantState.REJECTED) {
            return "tenant '" + outcome.slug() + "' is now REJECTED; nothing will be provisioned";
        }
        return "still waiting for: " + outcome.stillPending().stream().map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
