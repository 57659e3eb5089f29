package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.application.UpdateResult;
import io.tenantprovisioning.validation.report.ValidationRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Core's results as the plain String/Boolean/Number/List/Map values a pipeline receives: they are
 * serialized into the program state and need no script approval in the sandbox.
 */
final class PipelineValues {

    private PipelineValues() {
    }

    static Map<String, Object> submission(SubmissionResult result, Function<String, String> submitters) {
        List<Object> route = new ArrayList<>();
        for (ApprovalStep step : result.route()) {
            String group = step.group().name();
            route.add(map("group", group, "reason", step.reason(), "submitters", submitters.apply(group)));
        }
        return map("requestId", result.requestId(), "slug", result.slug(), "autoApproved", result.autoApproved(),
                "route", route, "monthlyCost", result.monthlyCostInr(), "state", result.state());
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
                "monthlyCost", change.plan().costAfter().monthlyInr());
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
                "survivors", new ArrayList<Object>(result.survivors()));
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
