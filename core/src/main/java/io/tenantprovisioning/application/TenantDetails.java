package io.tenantprovisioning.application;

import io.tenantprovisioning.registry.ApprovalRecord;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.RequestPlan;
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
 * @param plans       the saved plans made for its request before approval, oldest first; the last is current
 *                    (terraform engine; empty for the direct engine, which saves none)
 */
public record TenantDetails(
        TenantRecord tenant,
        Optional<StoredRequest> request,
        List<ApprovalRecord> approvals,
        List<JournalEntry> resources,
        Optional<ValidationRunRecord> lastValidation,
        List<ConfigVersion> versions,
        List<CredentialAge> credentials,
        List<RequestPlan> plans) {

    public TenantDetails {
        credentials = List.copyOf(credentials);
        approvals = List.copyOf(approvals);
        resources = List.copyOf(resources);
        versions = List.copyOf(versions);
        plans = List.copyOf(plans);
    }
}
