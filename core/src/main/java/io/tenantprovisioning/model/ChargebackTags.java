package io.tenantprovisioning.model;

import io.tenantprovisioning.request.TenantRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every resource of a tenant carries; chargeback and the rollback sweep key on them.
 */
public record ChargebackTags(String tenantId, String tier, String costCenter, String managedBy, String requestId) {

    public static final String TENANT_ID = "TenantID";
    public static final String TIER = "Tier";
    public static final String COST_CENTER = "CostCenter";
    public static final String MANAGED_BY = "ManagedBy";
    public static final String REQUEST_ID = "RequestId";
    public static final String MANAGED_BY_VALUE = "tenantctl";

    public static ChargebackTags of(TenantRequest request, String requestId) {
        return new ChargebackTags(request.slug().value(), request.tier().displayName(), request.costCenter(),
                MANAGED_BY_VALUE, requestId);
    }

    /** The tags in a stable order, ready to attach to a resource. */
    public Map<String, String> asMap() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TENANT_ID, tenantId);
        tags.put(TIER, tier);
        tags.put(COST_CENTER, costCenter);
        tags.put(MANAGED_BY, managedBy);
        tags.put(REQUEST_ID, requestId);
        return tags;
    }
}
