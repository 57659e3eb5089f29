package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.DriftFinding;
import io.tenantprovisioning.application.RevalidationReport;
import io.tenantprovisioning.application.TenantRevalidation;
import io.tenantprovisioning.validation.CheckResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** A re-validation run as a console table (tenant / before / after / checks / drift) or as JSON. */
final class RevalidationView {

    private static final String ROW = "%-34s %-10s %-10s %-7s %-6s %s%n";

    private RevalidationView() {
    }

    static String table(RevalidationReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(ROW, "TENANT", "BEFORE", "AFTER", "CHECKS", "DRIFT", "NOTIFIED"));
        for (TenantRevalidation tenant : report.tenants()) {
            text.append(row(tenant));
        }
        for (TenantRevalidation.Checked tenant : report.checked()) {
            if (!tenant.healthy()) {
                text.append(System.lineSeparator()).append(tenant.slug()).append(':').append(System.lineSeparator());
                tenant.report().blockingFailures().forEach(f -> text.append(indented(f)));
                tenant.drift().forEach(d -> text.append(indented("drift: " + d.line())));
            }
        }
        text.append(System.lineSeparator()).append(summary(report));
        return text.toString();
    }

    private static String row(TenantRevalidation tenant) {
        if (tenant instanceof TenantRevalidation.Checked c) {
            return String.format(ROW, c.slug(), c.before(), c.after(), c.report().count("PASSED") + "/"
                    + c.report().results().size(), c.drift().size(), c.notified() ? "yes" : "-");
        }
        if (tenant instanceof TenantRevalidation.Skipped s) {
            return String.format(ROW, s.slug(), s.state(), s.state(), "-", "-", "skipped: " + s.reason());
        }
        TenantRevalidation.Failed f = (TenantRevalidation.Failed) tenant;
        return String.format(ROW, f.slug(), "?", "?", "-", "-", "NOT RE-VALIDATED: " + f.reason());
    }

    /** "- " before the first line of a (possibly multi-line) message, indentation before the rest. */
    private static String indented(String message) {
        return "  - " + message.replace("\n", System.lineSeparator() + "    ") + System.lineSeparator();
    }

    private static String summary(RevalidationReport report) {
        long active = report.checked().stream().filter(TenantRevalidation.Checked::healthy).count();
        int count = report.tenants().size();
        return count + (count == 1 ? " tenant: " : " tenants: ") + active + " ACTIVE, " + report.degraded().size()
                + " DEGRADED, " + report.skipped().size() + " skipped, " + report.failed().size()
                + " not re-validated";
    }

    static Map<String, Object> toJson(RevalidationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("degraded", report.degraded());
        json.put("complete", report.complete());
        json.put("parallelism", report.parallelism());
        json.put("startedAt", report.startedAt());
        json.put("finishedAt", report.finishedAt());
        json.put("tenants", report.tenants().stream().map(RevalidationView::tenant).toList());
        return json;
    }

    private static Map<String, Object> tenant(TenantRevalidation tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", tenant.slug());
        if (tenant instanceof TenantRevalidation.Checked c) {
            json.put("result", "checked");
            json.put("before", c.before().name());
            json.put("after", c.after().name());
            json.put("notified", c.notified());
            json.put("checksPassed", c.report().count("PASSED"));
            json.put("checksTotal", c.report().results().size());
            json.put("blockingFailures", c.report().blockingFailures());
            json.put("drift", c.drift().stream().map(RevalidationView::drift).toList());
            json.put("checks", c.recorded().results().stream().map(RevalidationView::check).toList());
        } else if (tenant instanceof TenantRevalidation.Skipped s) {
            json.put("result", "skipped");
            json.put("state", s.state().name());
            json.put("reason", s.reason());
        } else {
            json.put("result", "failed");
            json.put("reason", ((TenantRevalidation.Failed) tenant).reason());
        }
        return json;
    }

    private static Map<String, Object> drift(DriftFinding finding) {
        return Map.of("kind", finding.kind().stepName(), "resource", finding.resource(),
                "problem", finding.problem().name(), "detail", finding.detail());
    }

    private static Map<String, Object> check(CheckResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", result.checkId());
        json.put("critical", result.critical());
        json.put("result", result.status());
        json.put("message", result.outcome().message());
        return json;
    }
}
