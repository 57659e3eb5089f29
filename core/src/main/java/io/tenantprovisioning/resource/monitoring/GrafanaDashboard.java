package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's Grafana dashboard JSON model: uid {@code tenant-<slug>}, the tenant's tags as
 * "Key:Value" dashboard tags, and three panels (query rate, p95 latency, errors) filtered by
 * {@code tenant_id}. The data source is a template variable, so the model imports into any Grafana
 * that has a Prometheus data source.
 */
public final class GrafanaDashboard {

    /** Series the tenant's RAG service exposes; the panels query them by {@code tenant_id}. */
    public static final String QUERIES_METRIC = "rag_queries_total";
    public static final String LATENCY_METRIC = "rag_query_duration_seconds";
    public static final String ERRORS_METRIC = "rag_query_errors_total";

    private static final int SCHEMA_VERSION = 39;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GrafanaDashboard() {
    }

    public static String uid(Slug slug) {
        return slug.qualifiedName();
    }

    public static ObjectNode model(Slug slug, Map<String, String> tags) {
        ObjectNode dashboard = JSON.objectNode()
                .put("uid", uid(slug))
                .put("title", "Tenant " + slug.value())
                .put("timezone", "browser")
                .put("schemaVersion", SCHEMA_VERSION)
                .put("refresh", "30s")
                .put("editable", true);
        ArrayNode tagArray = dashboard.putArray("tags");
        inStableOrder(tags).forEach((key, value) -> tagArray.add(key + ":" + value));
        dashboard.putObject("time").put("from", "now-6h").put("to", "now");
        dashboard.putObject("templating").putArray("list").addObject()
                .put("name", "datasource").put("label", "Prometheus").put("type", "datasource").put("query", "prometheus");
        String selector = "{" + TenantLabels.TENANT_ID + "=\"" + slug.value() + "\"}";
        ArrayNode panels = dashboard.putArray("panels");
        panels.add(panel(1, 0, "Query rate", "reqps",
                "sum(rate(" + QUERIES_METRIC + selector + "[5m]))", "queries/s"));
        panels.add(panel(2, 8, "Query latency (p95)", "s",
                "histogram_quantile(0.95, sum by (le) (rate(" + LATENCY_METRIC + "_bucket" + selector + "[5m])))", "p95"));
        panels.add(panel(3, 16, "Errors", "reqps",
                "sum(rate(" + ERRORS_METRIC + selector + "[5m]))", "errors/s"));
        return dashboard;
    }

    /** The chargeback tags first, in their usual order, then any others by name: the same model every run. */
    private static Map<String, String> inStableOrder(Map<String, String> tags) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : List.of(ChargebackTags.TENANT_ID, ChargebackTags.TIER, ChargebackTags.COST_CENTER,
                ChargebackTags.MANAGED_BY, ChargebackTags.REQUEST_ID)) {
            if (tags.containsKey(key)) {
                ordered.put(key, tags.get(key));
            }
        }
        new TreeMap<>(tags).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static ObjectNode panel(int id, int x, String title, String unit, String expr, String legend) {
        ObjectNode panel = JSON.objectNode().put("id", id).put("type", "timeseries").put("title", title);
        panel.putObject("gridPos").put("h", 8).put("w", 8).put("x", x).put("y", 0);
        panel.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
        panel.putObject("fieldConfig").putObject("defaults").put("unit", unit);
        panel.putArray("targets").addObject().put("refId", "A").put("expr", expr).put("legendFormat", legend);
        return panel;
    }

    /** The tags of a dashboard model, parsed back from "Key:Value" (tags without ':' are not ours). */
    public static Map<String, String> tags(JsonNode dashboard) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : dashboard.path("tags")) {
            String text = tag.asText();
            int colon = text.indexOf(':');
            if (colon > 0) {
                tags.put(text.substring(0, colon), text.substring(colon + 1));
            }
        }
        return tags;
    }
}
