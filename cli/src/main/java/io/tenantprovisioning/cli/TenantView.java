package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.TenantDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.RequestPlan;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import io.tenantprovisioning.tier.TierConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@link TenantDetails} as text for people and as JSON (tier config and cost shaped as in `plan`). */
final class TenantView {

    private TenantView() {
    }

    static Map<String, Object> toJson(TenantDetails d) {
        Map<String, Object> json = ListCommand.json(d.tenant());
        long budget = d.request().map(r -> Long.parseLong(r.request().budget())).orElse(0L);
        json.put("tierConfig", PlanView.tierConfig(d.tenant().tierConfig()));
        json.put("cost", PlanView.cost(d.tenant().cost(), budget));
        d.request().ifPresent(r -> json.put("request", request(r)));
        json.put("approvals", d.approvals().stream().map(TenantView::approval).toList());
        json.put("plans", d.plans().stream().map(TenantView::plan).toList());
        json.put("resources", d.resources().stream().map(TenantView::resource).toList());
        json.put("lastValidation", d.lastValidation().map(TenantView::validation).orElse(null));
        json.put("configVersions", d.versions().stream().map(ChangeView::version).toList());
        json.put("credentials", d.credentials().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("writtenAt", c.writtenAt().toString());
            m.put("ageDays", c.age().toDays());
            return m;
        }).toList());
        return json;
    }

    static void print(TenantDetails d, PrintWriter out) {
        TenantRecord t = d.tenant();
        out.printf("Tenant '%s' (slug %s): %s%n", t.name(), t.slug(), t.state());
        out.printf("  tier %s, region %s, engine %s, created %s, updated %s%n", t.tier().displayName(), t.region(),
                t.engineName().orElse("(not started)"), t.createdAt(), t.updatedAt());
        TierConfig c = t.tierConfig();
        out.printf("  tier config: %d queries/min, %d docs/month, model %s, max tokens %d; features: %s%n",
                c.queriesPerMinute(), c.documentsPerMonth(), c.model(), c.maxTokens(), String.join(", ", c.features()));
        out.printf("  cost: ₹%,d/month, ₹%,d/year%s%n", t.cost().monthlyInr(), t.cost().annualInr(),
                t.cost().overBudget() ? "  (over budget)" : "");
        d.request().ifPresent(r -> out.printf("  request %s by %s%s at %s; route: %s%n", r.id(), r.requester(),
                r.requesterIdentitySource().map(s -> " (" + s + ")").orElse(""),
                r.createdAt(), r.route().autoApproved() ? "auto-approved" : r.route().groups().stream()
                        .map(Enum::name).collect(Collectors.joining(", "))));
        printPlan(d, out);
        out.println("  approvals:" + (d.approvals().isEmpty() ? " none" : ""));
        for (ApprovalRecord a : d.approvals()) {
            out.printf("    %-10s %-8s by %s%s at %s%s%s%n", a.group(), a.decision(), a.approver(),
                    a.approverIdentitySource().map(s -> " (" + s + ")").orElse(""), a.decidedAt(),
                    a.plan().map(p -> " on plan " + p).orElse(""), a.comment() == null ? "" : ": " + a.comment());
        }
        out.println("  resources:" + (d.resources().isEmpty() ? " none" : ""));
        for (JournalEntry r : d.resources()) {
            out.printf("    %-13s %-8s %s%s%n", r.kind().stepName(), r.status(), r.name(),
                    r.identifier() == null ? "" : " (" + r.identifier() + ")");
        }
        out.println("  configuration versions:" + (d.versions().isEmpty() ? " 1 (as provisioned, never changed)" : ""));
        d.versions().forEach(v -> out.println("    " + ChangeView.versionLine(v)));
        out.println("  credentials (age since created or last rotated):" + (d.credentials().isEmpty() ? " none" : ""));
        d.credentials().forEach(a -> out.printf("    %-30s %4d d  (since %s)%n", a.name(), a.age().toDays(),
                a.writtenAt()));
        out.println("  last validation: " + d.lastValidation().map(v -> (v.passed() ? "passed" : "FAILED")
                + " at " + v.finishedAt()).orElse("never"));
    }

    /** The current saved plan (what approvers decide on) in full; earlier ones by SHA-256 and why they were replaced. */
    private static void printPlan(TenantDetails d, PrintWriter out) {
        if (d.plans().isEmpty()) {
            out.println("  plan: no saved plan (the direct engine creates the resources of the request plan; "
                    + "the terraform engine saves one before approval)");
            return;
        }
        RequestPlan current = d.plans().get(d.plans().size() - 1);
        out.printf("  plan (%s) SHA-256 %s, %s, made %s by %s%n", current.engine(), current.planSha256(),
                current.autoApproved() ? "approved by the approval policy" : "for the approvers on the route",
                current.plannedAt(), current.plannedBy());
        current.summary().forEach(line -> out.println("    " + line));
        for (RequestPlan earlier : d.plans().subList(0, d.plans().size() - 1)) {
            out.printf("  earlier plan %s (%s): no longer counts%n", earlier.planSha256(), earlier.plannedAt());
        }
    }

    private static Map<String, Object> plan(RequestPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", p.engine());
        m.put("planSha256", p.planSha256());
        m.put("summary", p.summary());
        m.put("autoApproved", p.autoApproved());
        m.put("plannedAt", p.plannedAt());
        m.put("plannedBy", p.plannedBy());
        m.put("reason", p.reason());
        return m;
    }

    private static Map<String, Object> request(StoredRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("requester", r.requester());
        m.put("requesterSource", r.requesterSource());
        m.put("createdAt", r.createdAt());
        m.put("idempotencyKey", r.idempotencyKey());
        m.put("parameters", r.request());
        m.put("route", r.route().steps().stream()
                .map(s -> Map.of("group", s.group().name(), "reason", s.reason())).toList());
        return m;
    }

    private static Map<String, Object> approval(ApprovalRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", a.group().name());
        m.put("decision", a.decision().name());
        m.put("approver", a.approver());
        m.put("approverSource", a.approverSource());
        m.put("decidedAt", a.decidedAt());
        m.put("comment", a.comment());
        m.put("planSha256", a.planSha256());
        return m;
    }

    private static Map<String, Object> resource(JournalEntry r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().stepName());
        m.put("name", r.name());
        m.put("identifier", r.identifier());
        m.put("status", r.status().name());
        m.put("engine", r.engine());
        m.put("tags", r.tags());
        m.put("attributes", r.attributes());
        m.put("updatedAt", r.updatedAt());
        return m;
    }

    private static Map<String, Object> validation(ValidationRunRecord v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", v.passed());
        m.put("startedAt", v.startedAt());
        m.put("finishedAt", v.finishedAt());
        try {
            m.put("report", new ObjectMapper().readTree(v.reportJson()));
        } catch (JsonProcessingException e) {
            m.put("report", v.reportJson());
        }
        return m;
    }
}
