package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.model.SecretVault;
import io.tenantprovisioning.resource.TenantAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds what validation sees of a tenant from the registry: journal attributes, vault secrets, tags. */
final class TenantAccessLoader {

    private final Registry registry;
    private final SecretVault vault;

    TenantAccessLoader(Registry registry, SecretVault vault) {
        this.registry = registry;
        this.vault = vault;
    }

    TenantAccess load(TenantRecord tenant) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JournalEntry entry : registry.journal().entries(tenant.id())) {
            if (entry.status() == JournalStatus.CREATED) {
                attributes.putAll(entry.attributes());
            }
        }
        return new TenantAccess(tenant.slug(), expectedTags(tenant), tenant.tierConfig(), attributes,
                vault.all(tenant.slug()));
    }

    /** The tags every resource must carry, from the request as recorded (not from the resources). */
    Map<String, String> expectedTags(TenantRecord tenant) {
        // the cost center of the configuration applied now: the first request's, or the newest change's
        String costCenter = ChangePlanner.currentRequest(registry, tenant).request().costCenter();
        return new ChargebackTags(tenant.slug().value(), tenant.tier().displayName(), costCenter,
                ChargebackTags.MANAGED_BY_VALUE, tenant.requestId().toString()).asMap();
    }
}
