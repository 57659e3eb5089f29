package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.application.PlanForApproval;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.validation.report.ValidationRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Core's results as the plain String/Boolean/Number/List/Map values a pipeline receives: they are
 * serialized into the program state and need no script approval in the sandbox.
 */
final class PipelineValues {

    private PipelineValues() {
    }

    /**
     * The request, its route and cost, and the saved plan its approvers decide on: planSha256 (to pass to
     * recordApproval) and planSummary, one line per resource and action; planText is both, ready for the input
     * message (the direct engine saves no plan: planSha256 is "" and planText says what it creates instead).
     */
    static Map<String, Object> submission(SubmissionResult result, Function<String, String> submitters,
                                          EngineKind engine, Optional<PlanForApproval> plan) {
        List<Object> route = new ArrayList<>();
        for (ApprovalStep step : result.route()) {
            String group = step.group().name();
            route.add(map("group", group, "reason", step.reason(), "submitters", submitters.apply(group)));
        }
        String routeText = result.route().isEmpty() ? "auto-approved" : String.join(", ",
                result.route().stream().map(s -> s.group().name()).toList());
        String planText = plan.map(p -> "Plan (" + p.engine() + ") SHA-256 " + p.planSha256() + ":\n  "
                + String.join("\n  ", p.summary())).orElse("Plan: the " + engine.name().toLowerCase(Locale.ROOT)
                + " engine saves none; it creates the request plan's resources (tenantctl plan)");
        return map("requestId", result.requestId(), "slug", result.slug(), "autoApproved", result.autoApproved(),
                "route", route, "monthlyCost", result.monthlyCostInr(), "state", result.state(),
                "engine", engine.name().toLowerCase(Locale.ROOT),
                "planSha256", plan.map(PlanForApproval::planSha256).orElse(""),
                "planSummary", new ArrayList<Object>(plan.map(PlanForApproval::summary).orElse(List.of())),
                "planText", "Route: " + routeText + "; cost ₹" + result.monthlyCostInr() + "/month\n" + planText);
    }

    static Map<String, Object> change(UpdateResult.AwaitingApproval change, Function<String, String> submitters) {
        List<Object> route = new ArrayList<>();
        for (ApprovalStep step : change.plan().route().steps()) {
            String group = step.group().name();
            route.add(map("group", group, "reason", step.reason(), "submitters", submitters.apply(group)));
        }
        List<Object> changes = new ArrayList<>(change.plan().changes().stream().map(Object::toString).toList());
        return map("requestId", change.requestId(), "slug", change.plan().slug(), "version", change.plan().version(),
                "autoApproved", change.plan().route().autoApproved(), "route", route, "changes", changes,
                "resourceChanges", new ArrayList<Object>(change.plan().resourceChanges()),
                "monthlyCostBefore", change.plan().costBefore().monthlyInr(),
                "monthlyCost", change.plan().costAfter().monthlyInr(),
                "planSha256", change.plan().enginePlan().map(PlanForApproval::planSha256).orElse(""),
                "planSummary", new ArrayList<Object>(change.plan().enginePlan().map(PlanForApproval::summary)
                        .orElse(List.of())),
                "planText", "Change v" + change.plan().version() + ": " + String.join(", ", changes.stream()
                        .map(Object::toString).toList()) + change.plan().enginePlan().map(p -> "\nPlan (" + p.engine()
                        + ") SHA-256 " + p.planSha256() + ":\n  " + String.join("\n  ", p.summary()))
                        .orElse(""));
    }

    static Map<String, Object> applied(UpdateResult result, String junitPath, String htmlPath) {
        return map("slug", result.plan().slug(), "version", result.plan().version(), "state", "APPLIED",
                "junit", junitPath, "html", htmlPath);
    }

    static Map<String, Object> approval(ApprovalResult result) {
        List<Object> pending = new ArrayList<>(result.stillPending().stream().map(ApproverGroup::name).toList());
        return map("requestId", result.requestId(), "slug", result.slug(), "state", result.state(),
                "stillPending", pending);
    }

    static Map<String, Object> validation(ValidationRun run, String junitPath, String htmlPath, String cssPath) {
        return map("slug", run.slug(), "passed", run.passed(), "checksPassed", run.checksPassed(),
                "checksTotal", run.checksTotal(), "blockingFailures", new ArrayList<Object>(run.blockingFailures()),
                "junit", junitPath, "html", htmlPath, "stylesheet", cssPath);
    }

    static Map<String, Object> rollback(RollbackResult result) {
        return map("slug", result.slug(), "state", result.state().name(), "complete", result.complete(),
                "compensationErrors", new ArrayList<Object>(result.compensationErrors()),
                "survivors", new ArrayList<Object>(result.survivors()),
                "nothingApplied", result instanceof RollbackResult.NothingApplied, "summary", result.summary());
    }

    static Map<String, Object> outputs(Map<String, String> outputs) {
        return new LinkedHashMap<>(new TreeMap<>(outputs));
    }

    /** Key/value pairs in order; a LinkedHashMap because the pipeline prints and serializes it. */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
