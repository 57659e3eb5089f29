package io.tenantprovisioning.chargeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The cost report as JSON, for finance tooling. Fields are only ever added; {@code schemaVersion}
 * changes if one is removed or changes meaning. Amounts are whole rupees (integers):
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "month": "2025-03",                 // YYYY-MM
 *   "timeZone": "UTC",                  // zone of the calendar month
 *   "currency": "INR",
 *   "tenantCount": 3,
 *   "totalMonthlyInr": 180000,
 *   "costCenters": [                    // by name
 *     {"costCenter": "CC_FINANCE", "tenants": 2, "monthlyInr": 150000}
 *   ],
 *   "tenants": [                        // by cost center, then slug
 *     {"slug": "acme-corp", "name": "Acme Corp", "tier": "Gold", "region": "us-east-1",
 *      "state": "ACTIVE", "costCenter": "CC_FINANCE",
 *      "monthlyInr": 75000,             // baseMonthlyInr × tierMultiplier × regionMultiplier, rounded
 *      "baseMonthlyInr": 25000, "tierMultiplier": 3, "regionMultiplier": 1.0,
 *      "tags": {"TenantID": "acme-corp", "Tier": "Gold", "CostCenter": "CC_FINANCE",
 *               "ManagedBy": "tenantctl", "RequestId": "7d4c…"}}
 *   ]
 * }
 * }</pre>
 */
public final class CostReportJson {

    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CostReportJson() {
    }

    public static String render(CostReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the cost report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode toJson(CostReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("month", report.month().toString());
        root.put("timeZone", report.zone().getId());
        root.put("currency", "INR");
        root.put("tenantCount", report.lines().size());
        root.put("totalMonthlyInr", report.totalMonthlyInr());
        ArrayNode centers = root.putArray("costCenters");
        for (CostCenterTotal total : report.costCenters()) {
            ObjectNode center = centers.addObject();
            center.put("costCenter", total.costCenter());
            center.put("tenants", total.tenants());
            center.put("monthlyInr", total.monthlyInr());
        }
        ArrayNode tenants = root.putArray("tenants");
        for (CostReportLine line : report.lines()) {
            tenants.add(line(line));
        }
        return root;
    }

    private static ObjectNode line(CostReportLine line) {
        ObjectNode tenant = MAPPER.createObjectNode();
        tenant.put("slug", line.slug().value());
        tenant.put("name", line.name());
        tenant.put("tier", line.tier().displayName());
        tenant.put("region", line.region());
        tenant.put("state", line.state());
        tenant.put("costCenter", line.costCenter());
        tenant.put("monthlyInr", line.monthlyInr());
        tenant.put("baseMonthlyInr", line.estimate().baseMonthlyInr());
        tenant.put("tierMultiplier", line.estimate().tierMultiplier());
        tenant.put("regionMultiplier", line.estimate().regionMultiplier());
        ObjectNode tags = tenant.putObject("tags");
        for (Map.Entry<String, String> tag : line.tags().asMap().entrySet()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        return tenant;
    }
}
