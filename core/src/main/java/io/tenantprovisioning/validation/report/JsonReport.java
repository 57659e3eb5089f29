package io.tenantprovisioning.validation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.validation.CheckResult;
import io.tenantprovisioning.validation.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * The validation run as JSON, for scripts and the registry. The shape is stable; fields are only
 * ever added, and {@code schemaVersion} changes if one is removed or changes meaning:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "tenant": "acme-corp",           // slug
 *   "tier": "Gold",
 *   "verdict": "PASSED",             // PASSED | FAILED
 *   "passed": true,                  // no critical check failed, timed out or was skipped
 *   "startedAt": "2025-01-31T10:15:30.123Z",   // ISO-8601 UTC
 *   "finishedAt": "2025-01-31T10:15:42.456Z",
 *   "elapsedMs": 12333,
 *   "counts": {"total": 8, "PASSED": 7, "FAILED": 0, "WARNING": 1, "TIMED_OUT": 0, "SKIPPED": 0},
 *   "blockingFailures": ["jwt-auth: FAILED — ..."],
 *   "checks": [
 *     {"id": "vector-search", "name": "Vector search", "critical": true,
 *      "result": "PASSED",            // PASSED | FAILED | WARNING | TIMED_OUT | SKIPPED
 *      "blocking": false, "elapsedMs": 412,
 *      "figure": "rank 1" ,           // null when the check measures nothing
 *      "message": "..."}
 *   ]
 * }
 * }</pre>
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(ValidationReport report) {
        return write(toJson(report));
    }

    /** Several tenants: {@code {"schemaVersion":1,"tenants":[<one object as above, without schemaVersion>…]}}. */
    public static String render(List<ValidationReport> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode tenants = root.putArray("tenants");
        for (ValidationReport report : reports) {
            ObjectNode tenant = toJson(report);
            tenant.remove("schemaVersion");
            tenants.add(tenant);
        }
        return write(root);
    }

    static ObjectNode toJson(ValidationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tenant", report.slug());
        root.put("tier", report.tier());
        root.put("verdict", report.verdict());
        root.put("passed", report.passed());
        root.put("startedAt", report.startedAt().toString());
        root.put("finishedAt", report.finishedAt().toString());
        root.put("elapsedMs", report.elapsed().toMillis());
        ObjectNode counts = root.putObject("counts");
        counts.put("total", report.results().size());
        for (Map.Entry<String, Integer> count : report.counts().entrySet()) {
            counts.put(count.getKey(), count.getValue());
        }
        ArrayNode blocking = root.putArray("blockingFailures");
        report.blockingFailures().forEach(blocking::add);
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : report.results()) {
            checks.add(check(result));
        }
        return root;
    }

    private static ObjectNode check(CheckResult result) {
        ObjectNode check = MAPPER.createObjectNode();
        check.put("id", result.checkId());
        check.put("name", result.displayName());
        check.put("critical", result.critical());
        check.put("result", result.status());
        check.put("blocking", result.blocking());
        check.put("elapsedMs", result.elapsed().toMillis());
        check.put("figure", ReportText.figure(result));
        check.put("message", result.outcome().message());
        return check;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON report: " + e.getOriginalMessage(), e);
        }
    }
}
