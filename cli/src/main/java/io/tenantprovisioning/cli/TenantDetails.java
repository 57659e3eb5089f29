package io.tenantprovisioning.cli;

import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import io.tenantprovisioning.request.Slug;
import java.util.List;
import java.util.Optional;

/** Everything `show` reports about one tenant, read from the registry. */
record TenantDetails(
        TenantRecord tenant,
        Optional<StoredRequest> request,
        List<ApprovalRecord> approvals,
        List<JournalEntry> resources,
        Optional<ValidationRunRecord> lastValidation) {

    static TenantDetails read(Registry registry, Slug slug) {
        TenantRecord tenant = registry.tenants().require(slug);
        return new TenantDetails(tenant,
                registry.requests().byId(tenant.requestId()),
                registry.approvals().forRequest(tenant.requestId()),
                registry.journal().entries(tenant.id()),
                registry.validationRuns().last(tenant.id()));
    }
}
