package io.tenantprovisioning.application;

import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import java.util.List;
import java.util.Optional;

/** Everything `show` reports about one tenant, read from the registry ({@code credentials}: names and ages only). */
public record TenantDetails(
        TenantRecord tenant,
        Optional<StoredRequest> request,
        List<ApprovalRecord> approvals,
        List<JournalEntry> resources,
        Optional<ValidationRunRecord> lastValidation,
        List<CredentialAge> credentials) {

    public TenantDetails {
        credentials = List.copyOf(credentials);
        approvals = List.copyOf(approvals);
        resources = List.copyOf(resources);
    }
}
