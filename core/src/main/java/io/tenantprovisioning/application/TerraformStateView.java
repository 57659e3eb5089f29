package io.tenantprovisioning.application;

import io.tenantprovisioning.model.TenantState;
import java.util.List;

/**
 * A tenant's Terraform workspace as {@link TerraformStateHandler} read it.
 *
 * @param addresses what {@code state list} printed, one resource address each
 * @param changes   what a re-plan would change, one line each ({@code + create …}); empty when the re-plan is empty
 */
public record TerraformStateView(String slug, String workspace, TenantState state, List<String> addresses,
                                 List<String> changes) {

    public TerraformStateView {
        addresses = List.copyOf(addresses);
        changes = List.copyOf(changes);
    }

    public boolean replanEmpty() {
        return changes.isEmpty();
    }
}
