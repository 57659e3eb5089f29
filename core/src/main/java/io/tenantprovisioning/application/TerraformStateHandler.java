package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.terraform.TenantWorkspace;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import java.util.List;

/**
 * terraform-state: what the terraform engine's state holds for a tenant ({@code tofu state list} of its workspace)
 * and whether a re-plan is empty, read with the tenant's state key from the vault (never shown). Read-only: the
 * re-plan is never applied. Under the tenant's run lock, so it never plans against a run's half-written state.
 */
public final class TerraformStateHandler {

    private final PlatformGraph graph;

    TerraformStateHandler(PlatformGraph graph) {
        this.graph = graph;
    }

    /**
     * @throws IllegalArgumentException when the tenant was not provisioned by the terraform engine (no workspace)
     */
    public TerraformStateView read(Slug slug, ProgressListener progress) {
        return graph.underRunLock(slug, "terraform-state", () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            String engine = tenant.engineName().orElse(DirectEngine.NAME);
            if (!engine.equals(TerraformEngine.NAME)) {
                throw new IllegalArgumentException("tenant '" + slug + "' (" + tenant.state() + ") was "
                        + (tenant.engineName().isPresent() ? "provisioned by the " + engine + " engine"
                        : "never provisioned") + ": it has no Terraform workspace to read");
            }
            if (tenant.state() == TenantState.OFFBOARDED || tenant.state() == TenantState.ROLLED_BACK) {
                throw new IllegalArgumentException("tenant '" + slug + "' is " + tenant.state() + ": its Terraform "
                        + "workspace was destroyed and deleted");
            }
            ProvisioningEngine terraform = graph.engineOf(tenant);
            List<String> addresses = terraform.stateList(slug, progress);
            List<String> changes = terraform.drift(slug, progress);
            return new TerraformStateView(slug.value(), TenantWorkspace.nameOf(slug), tenant.state(), addresses,
                    changes);
        });
    }
}
