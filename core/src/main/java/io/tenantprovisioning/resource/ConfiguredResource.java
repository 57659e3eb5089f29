package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.CreatedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a configure phase did to one resource.
 *
 * @param resource the resource as configured: what create reported plus the attributes configuration
 *                 adds; its secrets are the create phase's, unchanged
 * @param applied  one line per thing configured ("tier quota 60 queries/min"), for progress and the audit
 *                 trail; never a secret; empty when the kind has nothing to configure
 */
public record ConfiguredResource(CreatedResource resource, List<String> applied) {

    public ConfiguredResource {
        Objects.requireNonNull(resource, "resource");
        applied = List.copyOf(applied);
    }

    /** The created resource with these attributes added: configuration adds facts, never credentials. */
    public static ConfiguredResource of(CreatedResource created, Map<String, String> addedAttributes,
                                        List<String> applied) {
        Map<String, String> attributes = new LinkedHashMap<>(created.attributes());
        attributes.putAll(addedAttributes);
        return new ConfiguredResource(new CreatedResource(created.kind(), created.name(), created.identifier(),
                attributes, created.secrets()), applied);
    }
}
