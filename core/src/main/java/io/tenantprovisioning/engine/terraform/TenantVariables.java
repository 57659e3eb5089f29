package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import io.tenantprovisioning.tier.TierConfig;
import io.tenantprovisioning.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values written to {@code tenant.auto.tfvars.json}: what the root module needs to know about one
 * tenant. Resource names ({@code names}) come from each kind's module ({@link ResourceKinds}), the same
 * naming the drivers use, so both engines name things identically.
 *
 * @param extra further root-module variables (name → any JSON-serialisable value), written last
 */
public record TenantVariables(Slug slug, TierConfig tierConfig, String region, Map<String, String> tags,
                              String bucketPrefix, Map<String, Object> extra) {

    public TenantVariables {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(tierConfig, "tierConfig");
        Objects.requireNonNull(region, "region");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(bucketPrefix, "bucketPrefix");
        extra = Map.copyOf(extra);
    }

    /** The variables of a computed plan. */
    public static TenantVariables from(TenantPlan plan, String bucketPrefix) {
        return new TenantVariables(plan.request().slug(), plan.tierConfig(), plan.request().region().code(),
                plan.tags().asMap(), bucketPrefix, Map.of());
    }

    public TenantVariables withExtra(Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(extra);
        merged.putAll(values);
        return new TenantVariables(slug, tierConfig, region, tags, bucketPrefix, merged);
    }

    /** The tfvars document, in a stable order. */
    public Map<String, Object> toTfvars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tenant_slug", slug.value());
        v.put("tier", tierConfig.tier().displayName());
        v.put("region", region);
        v.put("tags", new java.util.TreeMap<>(tags));
        v.put("tier_config", tierConfigVariable());
        v.put("names", names());
        v.putAll(new java.util.TreeMap<>(extra));
        return v;
    }

    private Map<String, Object> tierConfigVariable() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("features", tierConfig.features());
        t.put("queries_per_minute", tierConfig.queriesPerMinute());
        t.put("documents_per_month", tierConfig.documentsPerMonth());
        t.put("model", tierConfig.model());
        t.put("max_tokens", tierConfig.maxTokens());
        t.put("temperature", tierConfig.temperature());
        t.put("demo_documents", tierConfig.demoDocuments());
        return t;
    }

    /** Every kind's names, and the default cost center (a name of the tenant, not of a resource). */
    private Map<String, Object> names() {
        Map<String, Object> n = new TreeMap<>(ResourceKinds.withBucketPrefix(bucketPrefix).terraformNames(slug));
        n.put("cost_center_default", slug.defaultCostCenter());
        return n;
    }
}
