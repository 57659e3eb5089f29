package io.tenantprovisioning.application;

import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.EmailAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the owner is told when a tenant becomes ACTIVE: limits, endpoints, how to get a token. Never a password. */
final class Activation {

    private Activation() {
    }

    static NotificationEvent.TenantActivated event(TenantRecord tenant, Registry registry) {
        EmailAddress owner = new EmailAddress(registry.requests().require(tenant.requestId()).request().ownerEmail());
        Map<String, String> endpoints = new LinkedHashMap<>();
        registry.journal().entries(tenant.id()).forEach(e -> {
            e.attributes().forEach((k, v) -> {
                if (k.endsWith(".bucket") || k.endsWith(".namespace") || k.endsWith(".schema")
                        || k.endsWith(".prefix")) {
                    endpoints.put(k, v);
                }
            });
        });
        return new NotificationEvent.TenantActivated(tenant.slug().value(), owner, tenant.tier().displayName(),
                tenant.tierConfig().queriesPerMinute(), tenant.tierConfig().documentsPerMonth(), endpoints,
                "tenantctl token " + tenant.slug() + " (or ask the platform team); tokens expire after 5 minutes");
    }
}
