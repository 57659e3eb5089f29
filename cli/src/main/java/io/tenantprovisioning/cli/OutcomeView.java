package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.PipelineOutcome;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.ConsoleTable;
import io.tenantprovisioning.validation.report.JsonReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a provisioning run ended: its exit code, a text summary and the documented JSON shape. */
final class OutcomeView {

    private OutcomeView() {
    }

    /** Writes the run's validation report where --junit/--html say, prints the outcome, returns the exit code. */
    static int finish(PipelineOutcome outcome, ReportOptions reports, boolean json, PrintWriter out) {
        report(outcome).ifPresent(reports::write);
        if (json) {
            out.println(JsonOutput.write(toJson(outcome)));
        } else {
            print(outcome, out);
        }
        return exitCode(outcome);
    }

    /** The validation report of a run, when validation ran. */
    static Optional<io.tenantprovisioning.validation.ValidationReport> report(PipelineOutcome outcome) {
        if (outcome instanceof PipelineOutcome.Activated a) {
            return Optional.of(a.report());
        } else if (outcome instanceof PipelineOutcome.RolledBack r) {
            return Optional.ofNullable(r.report());
        }
        return Optional.empty();
    }

    static int exitCode(PipelineOutcome outcome) {
        if (outcome instanceof PipelineOutcome.Activated) {
            return ExitCode.OK;
        } else if (outcome instanceof PipelineOutcome.AwaitingApproval) {
            return ExitCode.AWAITING_APPROVAL;
        } else if (outcome instanceof PipelineOutcome.RolledBack rolledBack) {
            return rolledBack.complete() ? ExitCode.FAILED : ExitCode.ROLLBACK_INCOMPLETE;
        }
        String state = ((PipelineOutcome.Replayed) outcome).state();
        return switch (state) {
            case "PENDING_APPROVAL" -> ExitCode.AWAITING_APPROVAL;
            case "ROLLED_BACK", "REJECTED" -> ExitCode.FAILED;
            case "ROLLBACK_FAILED" -> ExitCode.ROLLBACK_INCOMPLETE;
            default -> ExitCode.OK;
        };
    }

    static Map<String, Object> toJson(PipelineOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", outcome.slug());
        json.put("exitCode", exitCode(outcome));
        if (outcome instanceof PipelineOutcome.Activated a) {
            json.put("outcome", "ACTIVE");
            json.put("outputs", a.outputs());
            json.put("validation", JsonOutput.parse(JsonReport.render(a.report())));
        } else if (outcome instanceof PipelineOutcome.AwaitingApproval w) {
            json.put("outcome", "PENDING_APPROVAL");
            json.put("requestId", w.submission().requestId());
            json.put("route", w.submission().route().stream()
                    .map(s -> Map.of("group", s.group().name(), "reason", s.reason())).toList());
        } else if (outcome instanceof PipelineOutcome.RolledBack r) {
            json.put("outcome", r.complete() ? "ROLLED_BACK" : "ROLLBACK_FAILED");
            json.put("reason", r.reason());
            json.put("survivors", r.survivors());
            if (r.report() != null) {
                json.put("validation", JsonOutput.parse(JsonReport.render(r.report())));
            }
        } else {
            PipelineOutcome.Replayed replay = (PipelineOutcome.Replayed) outcome;
            json.put("outcome", replay.state());
            json.put("replayed", true);
            json.put("requestId", replay.submission().requestId());
        }
        return json;
    }

    static void print(PipelineOutcome outcome, PrintWriter out) {
        if (outcome instanceof PipelineOutcome.Activated a) {
            out.println(ConsoleTable.render(a.report()));
            out.printf("tenant %s is ACTIVE%n", a.slug());
        } else if (outcome instanceof PipelineOutcome.AwaitingApproval w) {
            out.printf("tenant %s is PENDING_APPROVAL (request %s); approvers:%n", w.slug(),
                    w.submission().requestId());
            w.submission().route().forEach(s -> out.printf("  %-10s %s%n", s.group(), s.reason()));
            out.printf("record decisions with: tenantctl approve %s --group <GROUP> --as <email>, "
                    + "then: tenantctl resume %s%n", w.slug(), w.slug());
            out.printf("the terraform engine's saved plan they decide on (summary, SHA-256): tenantctl show %s%n",
                    w.slug());
        } else if (outcome instanceof PipelineOutcome.RolledBack r) {
            if (r.report() != null) {
                out.println(ConsoleTable.render(r.report()));
            }
            out.printf("tenant %s FAILED: %s%n", r.slug(), r.reason());
            out.println(r.complete() ? "rolled back; the sweep found nothing left"
                    : "rollback INCOMPLETE; still present: " + String.join(", ", r.survivors())
                    + " — run: tenantctl rollback " + r.slug());
        } else {
            PipelineOutcome.Replayed replay = (PipelineOutcome.Replayed) outcome;
            out.printf("replayed request %s: tenant %s is %s%n", replay.submission().requestId(), replay.slug(),
                    replay.state());
        }
    }
}
