package io.tenantprovisioning.application;

import java.util.Map;

/** A tenant provisioned and configured; {@code outputs} are the recorded non-secret resource attributes. */
public record ProvisioningResult(String slug, String state, Map<String, String> outputs) {
    public ProvisioningResult {
        outputs = Map.copyOf(outputs);
    }
}
