package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.ChangePlan;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.ConsoleTable;
import io.tenantprovisioning.validation.report.JsonReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How `tenantctl update` (and `resume` of a change) ended: exit code, text and the documented JSON shape. */
final class ChangeView {

    private ChangeView() {
    }

    /** Writes the re-validation where --junit/--html say, prints the result, returns the exit code. */
    static int finish(UpdateResult result, ReportOptions reports, boolean json, PrintWriter out) {
        report(result).ifPresent(reports::write);
        if (json) {
            out.println(JsonOutput.write(toJson(result)));
        } else {
            print(result, out);
        }
        return exitCode(result);
    }

    static int exitCode(UpdateResult result) {
        if (result instanceof UpdateResult.AwaitingApproval) {
            return ExitCode.AWAITING_APPROVAL;
        }
        return result instanceof UpdateResult.Restored ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The re-validation that decided the outcome: the new configuration's, else the restored one's. */
    static Optional<ValidationReport> report(UpdateResult result) {
        if (result instanceof UpdateResult.Applied a) {
            return Optional.of(a.report());
        }
        if (result instanceof UpdateResult.Restored r) {
            return Optional.ofNullable(r.report() != null ? r.report() : r.restored());
        }
        return Optional.empty();
    }

    static Map<String, Object> toJson(UpdateResult result) {
        ChangePlan plan = result.plan();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", plan.slug());
        json.put("exitCode", exitCode(result));
        json.put("outcome", outcome(result));
        json.put("version", plan.version());
        json.put("changes", plan.changes().stream().map(ChangeView::field).toList());
        json.put("tierChanges", plan.tierChanges().stream().map(ChangeView::field).toList());
        json.put("resourceChanges", plan.resourceChanges());
        plan.enginePlan().ifPresent(p -> json.put("enginePlan", Map.of("engine", p.engine(), "planSha256",
                p.planSha256(), "summary", p.summary(), "autoApproved", p.autoApproved())));
        json.put("cost", Map.of("beforeMonthlyInr", plan.costBefore().monthlyInr(),
                "afterMonthlyInr", plan.costAfter().monthlyInr(), "overBudget", plan.costAfter().overBudget()));
        json.put("approval", Map.of("autoApproved", plan.route().autoApproved(), "route", plan.route().steps()
                .stream().map(s -> Map.of("group", s.group().name(), "reason", s.reason())).toList()));
        if (result instanceof UpdateResult.AwaitingApproval w) {
            json.put("requestId", w.requestId());
        } else if (result instanceof UpdateResult.Applied a) {
            json.put("requestId", a.requestId());
            json.put("validation", JsonOutput.parse(JsonReport.render(a.report())));
        } else if (result instanceof UpdateResult.Restored r) {
            json.put("requestId", r.requestId());
            json.put("reason", r.reason());
            json.put("restoreErrors", r.restoreErrors());
            json.put("validation", r.report() == null ? null : JsonOutput.parse(JsonReport.render(r.report())));
            json.put("restoredValidation", r.restored() == null ? null
                    : JsonOutput.parse(JsonReport.render(r.restored())));
        }
        return json;
    }

    static String outcome(UpdateResult result) {
        if (result instanceof UpdateResult.Planned) {
            return "PLANNED";
        } else if (result instanceof UpdateResult.AwaitingApproval) {
            return "PENDING_APPROVAL";
        }
        return result instanceof UpdateResult.Applied ? "APPLIED" : "RESTORED";
    }

    static void print(UpdateResult result, PrintWriter out) {
        printPlan(result.plan(), out);
        String slug = result.plan().slug();
        if (result instanceof UpdateResult.Planned) {
            out.println("dry run: nothing was recorded or changed");
        } else if (result instanceof UpdateResult.AwaitingApproval w) {
            out.printf("change v%d of %s waits for approval (request %s); record decisions with: tenantctl approve "
                    + "%s --group <GROUP> --as <you>%s, then: tenantctl resume %s%n", w.plan().version(), slug,
                    w.requestId(), slug, w.plan().enginePlan().map(p -> " --plan " + p.planSha256()).orElse(""), slug);
        } else if (result instanceof UpdateResult.Applied a) {
            out.println(ConsoleTable.render(a.report()));
            out.printf("%s serves on configuration v%d%n", slug, a.plan().version());
        } else if (result instanceof UpdateResult.Restored r) {
            if (r.report() != null) {
                out.println(ConsoleTable.render(r.report()));
            }
            out.printf("change v%d of %s FAILED: %s%n", r.plan().version(), slug, r.reason());
            out.println(r.restoreErrors().isEmpty()
                    ? "the previous configuration was restored and re-validated; the tenant kept serving"
                    : "restoring was INCOMPLETE, the tenant is DEGRADED: " + String.join("; ", r.restoreErrors()));
        }
    }

    static void printPlan(ChangePlan plan, PrintWriter out) {
        out.printf("change v%d of tenant %s:%n", plan.version(), plan.slug());
        plan.changes().forEach(c -> out.println("  " + c));
        if (!plan.tierChanges().isEmpty()) {
            out.println("tier config:");
            plan.tierChanges().forEach(c -> out.println("  " + c));
        }
        out.println("resources:" + (plan.resourceChanges().isEmpty() ? " none (the registry only)" : ""));
        plan.resourceChanges().forEach(l -> out.println("  " + l));
        plan.enginePlan().ifPresent(p -> {
            out.printf("plan (%s) SHA-256 %s%s:%n", p.engine(), p.planSha256(), p.requestId().startsWith("(")
                    ? " (dry run: not kept; the recorded change gets its own plan)" : "");
            p.summary().forEach(l -> out.println("  " + l));
        });
        out.printf("monthly cost: ₹%,d → ₹%,d%s%n", plan.costBefore().monthlyInr(), plan.costAfter().monthlyInr(),
                plan.costAfter().overBudget() ? "  (over budget)" : "");
        out.println("approval: " + (plan.route().autoApproved() ? "auto-approved (the change needs nobody)"
                : "needs " + plan.route().groups().size() + " group(s), for what the change brings:"));
        plan.route().steps().forEach(s -> out.printf("  %-10s %s%n", s.group(), s.reason()));
    }

    /** One version for `show`: who changed what, when, and what became of it. */
    static String versionLine(ConfigVersion v) {
        return String.format("v%d %-16s %s by %s%s: %s%s", v.version(), v.status(), v.createdAt(), v.changedBy(),
                v.changedBySource() == null ? "" : " (" + v.changedBySource() + ")",
                v.changes().isEmpty() ? "as provisioned" : describe(v.changes()),
                v.note() == null ? "" : " — " + v.note());
    }

    static Map<String, Object> version(ConfigVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("status", v.status().name());
        m.put("requestId", v.requestId().toString());
        m.put("tier", v.tier().displayName());
        m.put("monthlyInr", v.cost().monthlyInr());
        m.put("changes", v.changes().stream().map(ChangeView::field).toList());
        m.put("changedBy", v.changedBy());
        m.put("changedBySource", v.changedBySource());
        m.put("note", v.note());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        return m;
    }

    private static String describe(List<FieldChange> changes) {
        return String.join(", ", changes.stream().map(FieldChange::toString).toList());
    }

    private static Map<String, Object> field(FieldChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", c.field());
        m.put("from", c.from());
        m.put("to", c.to());
        return m;
    }
}
