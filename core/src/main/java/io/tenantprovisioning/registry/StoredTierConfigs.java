package io.tenantprovisioning.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import io.tenantprovisioning.tier.TierConfig;

/**
 * A tenant's tier configuration as the registry recorded it at request time. A field the catalog gained
 * later (postgresConnectionLimit, issue #15) is absent from rows written before it: such a row takes
 * that field from today's catalog, so older tenants stay readable and get the limit their tier has now.
 */
final class StoredTierConfigs {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String CONNECTION_LIMIT = "postgresConnectionLimit";

    private StoredTierConfigs() {
    }

    static TierConfig read(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode fields && !fields.has(CONNECTION_LIMIT)) {
                Tier tier = Tier.valueOf(fields.path("tier").asText());
                fields.put(CONNECTION_LIMIT, Catalog.TIERS.config(tier).postgresConnectionLimit());
            }
            return JSON.treeToValue(node, TierConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RegistryException("registry holds TierConfig JSON it cannot read: " + e.getMessage());
        }
    }

    /** Loaded on first use only: most registry reads never meet an older row. */
    private static final class Catalog {
        static final TierCatalog TIERS = TierCatalog.load();
    }
}
