package io.tenantprovisioning.notify;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.request.EmailAddress;
import java.util.List;
import java.util.Map;

/** One event of every kind, for the channel tests. */
final class SampleEvents {

    private SampleEvents() {
    }

    static NotificationEvent.TenantActivated activated() {
        return new NotificationEvent.TenantActivated("acme-corp", new EmailAddress("owner@acme.example"), "Gold",
                1000, 50000, Map.of("query", "https://rag.example/tenants/acme-corp/query",
                        "metrics", "http://127.0.0.1:9091/targets"),
                "run 'tenantctl token acme-corp --ttl 1h' or ask the platform team");
    }

    static NotificationEvent.ApprovalNeeded approval(ApproverGroup group) {
        return new NotificationEvent.ApprovalNeeded("acme-corp", group, "budget INR 12,00,000 is above the threshold",
                75_000);
    }

    static List<NotificationEvent> platformEvents() {
        return List.of(
                new NotificationEvent.ProvisioningFailed("acme-corp", "redis: ACL SETUSER refused", List.of()),
                new NotificationEvent.RolledBack("acme-corp", "critical check jwt-auth failed", List.of()),
                new NotificationEvent.RollbackIncomplete("acme-corp", "bucket not empty",
                        List.of("object-store tenant-acme-corp", "redis t_acme-corp")),
                new NotificationEvent.TenantDegraded("acme-corp", List.of("cross-tenant-isolation", "jwt-auth")),
                new NotificationEvent.TenantRecovered("acme-corp", List.of("jwt-auth")));
    }
}
