package io.tenantprovisioning.cli;

import io.tenantprovisioning.application.CredentialAge;
import io.tenantprovisioning.application.DriftStatus;
import io.tenantprovisioning.application.FleetReport;
import io.tenantprovisioning.application.FleetTenant;
import io.tenantprovisioning.application.ValidationSummary;
import io.tenantprovisioning.chargeback.CostCenterTotal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `tenantctl report --json`. The shape only ever gains fields; {@code schemaVersion} changes if one
 * is removed or changes meaning:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "generatedAt": "2026-12-06T20:40:12.345Z",  // ages are measured to this moment
 *   "includesFinished": false,                  // --all: also REJECTED, ROLLED_BACK, OFFBOARDED
 *   "trendRuns": 10,                            // at most this many runs per trend
 *   "tenantCount": 2,
 *   "states": {"ACTIVE": 1, "DEGRADED": 1},     // lifecycle order
 *   "tenants": [{                               // by slug, then creation (as `list`)
 *     "slug": "acme-corp", "name": "Acme Corp", "tenantId": "…", "state": "ACTIVE",
 *     "tier": "Gold", "region": "us-east-1", "costCenter": "CC-ACME",
 *     "monthlyCostInr": 75000,                  // the same figure as `list --json`
 *     "lastValidation": {"finishedAt": "…", "passed": true, "checksPassed": 9, "checksTotal": 9},  // or null
 *     "trend": [{…as lastValidation…}],         // recorded runs, oldest first; the last is lastValidation
 *     "credentials": [{"name": "postgres.password", "writtenAt": "…", "ageDays": 3}],  // never a value
 *     "drift": {"status": "NONE",               // NONE | DRIFTED | NOT_CHECKED (never re-validated)
 *               "checkedAt": "…",               // the last re-validation, or null
 *               "findings": ["redis t_acme: MISSING — …"]}
 *   }],
 *   "chargeback": {"month": "2026-12",          // this month (UTC), as `tenantctl cost --json`
 *                  "costCenters": [{"costCenter": "CC-ACME", "tenants": 1, "monthlyInr": 75000}],
 *                  "totalMonthlyInr": 75000}
 * }
 * }</pre>
 */
final class FleetJson {

    static final int SCHEMA_VERSION = 1;

    private FleetJson() {
    }

    static String render(FleetReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("generatedAt", report.generatedAt());
        root.put("includesFinished", report.query().includeFinished());
        root.put("trendRuns", report.query().trendRuns());
        root.put("tenantCount", report.tenants().size());
        Map<String, Integer> states = new LinkedHashMap<>();
        report.countByState().forEach((state, count) -> states.put(state.name(), count));
        root.put("states", states);
        root.put("tenants", report.tenants().stream().map(FleetJson::tenant).toList());
        Map<String, Object> chargeback = new LinkedHashMap<>();
        chargeback.put("month", report.chargebackMonth().toString());
        chargeback.put("costCenters", report.costCenters().stream().map(FleetJson::costCenter).toList());
        chargeback.put("totalMonthlyInr", report.totalMonthlyInr());
        root.put("chargeback", chargeback);
        return JsonOutput.write(root);
    }

    private static Map<String, Object> tenant(FleetTenant t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", t.slug().value());
        m.put("name", t.name());
        m.put("tenantId", t.tenantId().toString());
        m.put("state", t.state().name());
        m.put("tier", t.tier().displayName());
        m.put("region", t.region());
        m.put("costCenter", t.costCenter());
        m.put("monthlyCostInr", t.monthlyCostInr());
        m.put("lastValidation", t.lastValidation().map(FleetJson::run).orElse(null));
        m.put("trend", t.trend().stream().map(FleetJson::run).toList());
        m.put("credentials", t.credentials().stream().map(FleetJson::credential).toList());
        m.put("drift", drift(t.drift()));
        return m;
    }

    private static Map<String, Object> run(ValidationSummary run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finishedAt", run.finishedAt());
        m.put("passed", run.passed());
        m.put("checksPassed", run.checksPassed());
        m.put("checksTotal", run.checksTotal());
        return m;
    }

    private static Map<String, Object> credential(CredentialAge c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("writtenAt", c.writtenAt());
        m.put("ageDays", c.age().toDays());
        return m;
    }

    private static Map<String, Object> drift(DriftStatus drift) {
        String status = "NOT_CHECKED";
        Instant checkedAt = null;
        List<String> findings = List.of();
        if (drift instanceof DriftStatus.Clean clean) {
            status = "NONE";
            checkedAt = clean.checkedAt();
        } else if (drift instanceof DriftStatus.Drifted drifted) {
            status = "DRIFTED";
            checkedAt = drifted.checkedAt();
            findings = drifted.findings();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("checkedAt", checkedAt);
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> costCenter(CostCenterTotal c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("costCenter", c.costCenter());
        m.put("tenants", c.tenants());
        m.put("monthlyInr", c.monthlyInr());
        return m;
    }
}
