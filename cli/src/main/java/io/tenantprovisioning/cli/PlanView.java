package io.tenantprovisioning.cli;

import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.resource.PlannedResource;
import io.tenantprovisioning.tier.TierConfig;
import io.tenantprovisioning.plan.TenantPlan;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link TenantPlan} as text for people and as the documented JSON shape. */
final class PlanView {

    private PlanView() {
    }

    static void render(TenantPlan plan, boolean json, PrintWriter out) {
        if (json) {
            out.println(JsonOutput.write(toJson(plan)));
        } else {
            print(plan, out);
        }
    }

    static Map<String, Object> toJson(TenantPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", plan.request().slug().value());
        json.put("name", plan.request().name());
        json.put("requestId", plan.requestId());
        json.put("tier", plan.request().tier().displayName());
        json.put("region", plan.request().region().code());
        json.put("ownerEmail", plan.request().ownerEmail().value());
        json.put("classification", plan.request().classification().name());
        json.put("jurisdiction", plan.request().jurisdiction().name());
        json.put("crossBorderTransfer", plan.request().crossBorderTransfer());
        json.put("tierConfig", tierConfig(plan.tierConfig()));
        json.put("cost", cost(plan.cost(), plan.request().budgetInr()));
        json.put("approval", Map.of(
                "autoApproved", plan.approvalRoute().autoApproved(),
                "route", plan.approvalRoute().steps().stream()
                        .map(s -> Map.of("group", s.group().name(), "reason", s.reason())).toList()));
        json.put("tags", plan.tags().asMap());
        json.put("resources", plan.resources().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.kind().stepName());
            m.put("name", r.name());
            m.put("tags", r.tags());
            return m;
        }).toList());
        return json;
    }

    static Map<String, Object> tierConfig(TierConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", c.features());
        m.put("queriesPerMinute", c.queriesPerMinute());
        m.put("documentsPerMonth", c.documentsPerMonth());
        m.put("model", c.model());
        m.put("maxTokens", c.maxTokens());
        m.put("temperature", c.temperature());
        m.put("demoDocuments", c.demoDocuments());
        return m;
    }

    static Map<String, Object> cost(CostEstimate c, long budget) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseMonthlyInr", c.baseMonthlyInr());
        m.put("tierMultiplier", c.tierMultiplier());
        m.put("regionMultiplier", c.regionMultiplier());
        m.put("monthlyInr", c.monthlyInr());
        m.put("annualInr", c.annualInr());
        m.put("budgetInr", budget);
        m.put("overBudget", c.overBudget());
        return m;
    }

    static void print(TenantPlan plan, PrintWriter out) {
        var r = plan.request();
        out.printf("Plan for tenant '%s' (slug %s, request %s)%n", r.name(), r.slug(), plan.requestId());
        out.printf("  tier %s, region %s, owner %s, data %s/%s%s%n", r.tier().displayName(), r.region().code(),
                r.ownerEmail(), r.classification(), r.jurisdiction(), r.crossBorderTransfer() ? ", cross-border" : "");
        TierConfig t = plan.tierConfig();
        out.printf("  tier config: %d queries/min, %d docs/month, model %s, max tokens %d, temperature %.1f%n",
                t.queriesPerMinute(), t.documentsPerMonth(), t.model(), t.maxTokens(), t.temperature());
        out.printf("  features: %s%n", String.join(", ", t.features()));
        CostEstimate c = plan.cost();
        out.printf("  cost: ₹%,d/month, ₹%,d/year (base ₹%,d × tier %d × region %s); budget ₹%,d%s%n",
                c.monthlyInr(), c.annualInr(), c.baseMonthlyInr(), c.tierMultiplier(), c.regionMultiplier(),
                r.budgetInr(), c.overBudget() ? "  ⚠ annual estimate exceeds the budget" : "");
        List<ApprovalStep> steps = plan.approvalRoute().steps();
        if (steps.isEmpty()) {
            out.println("  approval: auto-approved");
        } else {
            out.println("  approval route:");
            steps.forEach(s -> out.printf("    %-10s %s%n", s.group(), s.reason()));
        }
        out.printf("  tags: %s%n", plan.tags().asMap());
        out.println("  resources:");
        out.printf("    %-13s %s%n", "KIND", "NAME");
        for (PlannedResource res : plan.resources()) {
            out.printf("    %-13s %s%n", res.kind().stepName(), res.name());
        }
        // this command touches nothing, so it cannot make a Terraform plan (that needs the tenant's state)
        out.println("  engine plan: the direct engine creates exactly these resources and saves no plan; the terraform");
        out.printf("  engine saves its plan (add/change/destroy by resource, SHA-256) when the request is submitted, "
                + "for the approvers: tenantctl show %s%n", plan.request().slug());
    }
}
