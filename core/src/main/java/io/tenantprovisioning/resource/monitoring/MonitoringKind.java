package io.tenantprovisioning.resource.monitoring;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import io.tenantprovisioning.resource.TerraformRoot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The monitoring kind: the tenant's Grafana dashboard {@code tenant-<slug>} with its tags (create), the
 * Prometheus file_sd target labelled with them (configure). The dashboard is the part a provider creates
 * (terraform/tenant's modules/monitoring, grafana provider); the target is a file on the Prometheus host,
 * which no provider writes, so it is configuration whichever engine runs.
 */
public record MonitoringKind() implements ResourceKindModule {

    private static final TerraformMapping TERRAFORM = new TerraformMapping(
            Set.of("tenant_slug", "names.qualified_name", "tier", "tier_config", "grafana_url", "tags"),
            List.of(OutputBinding.attribute("grafana_dashboard_uid", MonitoringDriver.DASHBOARD_UID),
                    OutputBinding.attribute("grafana_dashboard_url", MonitoringDriver.DASHBOARD_URL)),
            Optional.of("grafana_dashboard_uid"), Set.of(TerraformRoot.PROVIDERS));

    @Override
    public ResourceKind kind() {
        return ResourceKind.MONITORING;
    }

    /** Dashboard uid and target file stem: {@code tenant-acme-corp}. */
    @Override
    public String name(Slug slug) {
        return slug.qualifiedName();
    }

    /** Nothing to isolate: the kind holds no tenant data (check 7 proves the target is scraped instead). */
    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.empty();
    }

    @Override
    public TerraformMapping terraform() {
        return TERRAFORM;
    }

    @Override
    public Map<String, String> terraformNames(Slug slug) {
        return Map.of("qualified_name", name(slug));
    }
}
