package io.tenantprovisioning.resource;

import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.tier.TierConfig;
import java.util.Map;
import java.util.Optional;

/**
 * What validation knows about one provisioned tenant: its tags, tier config, and the attributes and
 * credentials its resources reported at creation (merged {@link CreatedResource} maps).
 */
public record TenantAccess(
        Slug slug,
        Map<String, String> tags,
        TierConfig tierConfig,
        Map<String, String> attributes,
        Map<String, Secret> secrets) {

    public TenantAccess {
        tags = Map.copyOf(tags);
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public Optional<Secret> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }
}
