package io.tenantprovisioning.application;

import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.registry.ValidationRunRecord;
import java.util.List;
import java.util.Optional;

/**
 * Everything `show` reports about one tenant, read from the registry.
 *
 * @param versions every version of its configuration, oldest first (empty until its first change)
 * @param credentials names and ages of its credentials only, never values
 */
public record TenantDetails(
        TenantRecord tenant,
        Optional<StoredRequest> request,
        List<ApprovalRecord> approvals,
        List<JournalEntry> resources,
        Optional<ValidationRunRecord> lastValidation,
        List<ConfigVersion> versions,
        List<CredentialAge> credentials) {

    public TenantDetails {
        credentials = List.copyOf(credentials);
        approvals = List.copyOf(approvals);
        resources = List.copyOf(resources);
        versions = List.copyOf(versions);
    }
}
