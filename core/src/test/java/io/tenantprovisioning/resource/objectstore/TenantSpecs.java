package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.util.HashMap;
import java.util.Map;

/** Specs and validation views of test tenants, built the way the engine builds them. */
public final class TenantSpecs {

    private TenantSpecs() {
    }

    public static Map<String, String> tags(Slug slug) {
        return new ChargebackTags(slug.value(), Tier.GOLD.displayName(), slug.defaultCostCenter(),
                ChargebackTags.MANAGED_BY_VALUE, "req-" + slug.value()).asMap();
    }

    /** The tags as the drivers write them: the spec's, with the ownership marker of the test registry. */
    public static Map<String, String> markedTags(Slug slug) {
        return io.tenantprovisioning.testing.TestServices.MARKER.stamp(tags(slug), slug);
    }

    public static TenantResourceSpec spec(Slug slug) {
        return new TenantResourceSpec(slug, tags(slug), TierCatalog.load().config(Tier.GOLD));
    }

    /** What validation receives for a tenant whose resources reported these results. */
    public static TenantAccess access(Slug slug, CreatedResource... created) {
        Map<String, String> attributes = new HashMap<>();
        Map<String, Secret> secrets = new HashMap<>();
        for (CreatedResource resource : created) {
            attributes.putAll(resource.attributes());
            secrets.putAll(resource.secrets());
        }
        return new TenantAccess(slug, tags(slug), TierCatalog.load().config(Tier.GOLD), attributes, secrets);
    }
}
