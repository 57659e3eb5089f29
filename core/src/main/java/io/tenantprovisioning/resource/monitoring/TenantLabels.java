package io.tenantprovisioning.resource.monitoring;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.OwnershipMarker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chargeback tags as Prometheus labels ({@code TenantID} → {@code tenant_id}, ...): label names
 * must match {@code [a-zA-Z_][a-zA-Z0-9_]*}, so the tags are renamed, not copied.
 */
public final class TenantLabels {

    public static final String TENANT_ID = "tenant_id";

    /** Tag name → label name, in the order labels are written. */
    private static final Map<String, String> TAG_TO_LABEL = orderedMapping();

    private TenantLabels() {
    }

    private static Map<String, String> orderedMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ChargebackTags.TENANT_ID, TENANT_ID);
        m.put(ChargebackTags.TIER, "tier");
        m.put(ChargebackTags.COST_CENTER, "cost_center");
        m.put(ChargebackTags.MANAGED_BY, "managed_by");
        m.put(ChargebackTags.REQUEST_ID, "request_id");
        // the ownership marker: which registry wrote the target (the sweep lists only its own)
        m.put(OwnershipMarker.REGISTRY_TAG, "tenantctl_registry");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The labels of a tenant's target; {@code tenant_id} is always the slug. */
    public static Map<String, String> fromTags(Slug slug, Map<String, String> tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        TAG_TO_LABEL.forEach((tag, label) -> {
            String value = tag.equals(ChargebackTags.TENANT_ID) ? slug.value() : tags.get(tag);
            if (value != null) {
                labels.put(label, value);
            }
        });
        return labels;
    }

    /** The tags a set of labels carries (labels that are not tags are ignored). */
    public static Map<String, String> toTags(Map<String, String> labels) {
        Map<String, String> tags = new LinkedHashMap<>();
        TAG_TO_LABEL.forEach((tag, label) -> {
            String value = labels.get(label);
            if (value != null) {
                tags.put(tag, value);
            }
        });
        return tags;
    }
}
