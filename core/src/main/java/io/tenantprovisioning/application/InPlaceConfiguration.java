package io.tenantprovisioning.application;

import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.JournalEntry;
import io.tenantprovisioning.registry.JournalStatus;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.TierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a configuration onto a serving tenant's existing resources, in place: each kind's tags rewritten,
 * then its configure phase run again with the configuration's tier (limits, quotas, demo documents, target
 * labels). Nothing is created or destroyed and no credential changes, so the tenant's data and its clients'
 * credentials stay. The resources are the ones its journal records as created.
 */
final class InPlaceConfiguration {

    /** TENANTCTL_FAIL_AT step before anything is changed; {@code update-<kind>} fires before each kind. */
    static final String STEP = "update";

    private final PlatformGraph graph;

    InPlaceConfiguration(PlatformGraph graph) {
        this.graph = graph;
    }

    /**
     * The spec of a configuration: the tenant's own tags (its RequestId stays the first request's) with this
     * registry's marker, as at create: rewritten tags that dropped it would make the resource nobody's.
     */
    TenantResourceSpec spec(TenantRecord tenant, TenantRequest configuration, TierConfig tierConfig) {
        Map<String, String> tags = new ChargebackTags(tenant.slug().value(), configuration.tier().displayName(),
                configuration.costCenter(), ChargebackTags.MANAGED_BY_VALUE, tenant.requestId().toString()).asMap();
        return new TenantResourceSpec(tenant.slug(), graph.services.marker().stamp(tags, tenant.slug()), tierConfig);
    }

    /**
     * The change going forward: the test hooks fire here; throws on the first failure.
     *
     * @param engineTagged the kinds whose tags the engine's own apply set (terraform): configured, never retagged
     */
    void apply(TenantRecord tenant, TenantResourceSpec spec, Set<ResourceKind> engineTagged,
               ProgressListener progress) throws ResourceException {
        for (ResourceDriver driver : graph.services.drivers()) {
            graph.failurePoints.reach(STEP + "-" + driver.kind().stepName());
            applyTo(driver, tenant, spec, engineTagged, progress);
        }
    }

    /** Putting the previous configuration back: every kind attempted; one line per kind that failed. */
    List<String> restore(TenantRecord tenant, TenantResourceSpec spec, Set<ResourceKind> engineTagged,
                         ProgressListener progress) {
        List<String> errors = new ArrayList<>();
        for (ResourceDriver driver : graph.services.drivers()) {
            try {
                applyTo(driver, tenant, spec, engineTagged, progress);
            } catch (ResourceException | RuntimeException e) {
                errors.add(driver.kind().stepName() + ": " + e.getMessage());
                progress.event(STEP, "could not restore " + driver.kind().stepName() + ": " + e.getMessage());
            }
        }
        return errors;
    }

    private void applyTo(ResourceDriver driver, TenantRecord tenant, TenantResourceSpec spec,
                         Set<ResourceKind> engineTagged, ProgressListener progress) throws ResourceException {
        JournalEntry entry = createdEntry(tenant, driver).orElseThrow(() -> new ResourceException(
                driver.kind().stepName() + ": the journal of tenant '" + tenant.slug() + "' records no created "
                        + "resource of this kind to change"));
        if (!engineTagged.contains(driver.kind())) {
            driver.retag(spec); // else the engine owns the tags: a second writer would leave drift
        }
        CreatedResource created = new CreatedResource(entry.kind(), entry.name(), entry.identifier(),
                entry.attributes(), Map.of());
        ConfiguredResource configured = driver.configure(spec, created);
        graph.registry.journal().markCreated(entry.id(), entry.identifier(), spec.tags(),
                configured.resource().attributes());
        progress.event(STEP, String.format("%-12s tags Tier=%s CostCenter=%s%s", driver.kind().stepName(),
                spec.tags().get(ChargebackTags.TIER), spec.tags().get(ChargebackTags.COST_CENTER),
                configured.applied().isEmpty() ? "" : "; " + String.join("; ", configured.applied())));
    }

    private Optional<JournalEntry> createdEntry(TenantRecord tenant, ResourceDriver driver) {
        return graph.registry.journal().entries(tenant.id()).stream()
                .filter(e -> e.kind() == driver.kind() && e.status() == JournalStatus.CREATED).reduce((a, b) -> b);
    }
}
