package io.tenantprovisioning.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the configure phase leaves: the tenant's non-secret outputs (the engine's, then every resource's
 * attributes as configured) and one line per thing configured, prefixed with its kind, for the audit trail.
 */
public record ConfiguredResources(Map<String, String> outputs, List<String> applied) {

    public ConfiguredResources {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        applied = List.copyOf(applied);
    }
}
