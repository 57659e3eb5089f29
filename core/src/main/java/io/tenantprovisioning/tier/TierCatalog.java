package io.tenantprovisioning.tier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The tier catalog, read from {@code tenant-provisioning/tiers.yaml} (shared with the Jenkins library). */
public final class TierCatalog {

    public static final String RESOURCE = "tenant-provisioning/tiers.yaml";

    private final Map<Tier, TierConfig> configs;

    private TierCatalog(Map<Tier, TierConfig> configs) {
        for (Tier tier : Tier.values()) {
            if (!configs.containsKey(tier)) {
                throw new IllegalStateException("tier catalog has no entry for " + tier);
            }
        }
        this.configs = Map.copyOf(configs);
    }

    /** Loads the catalog shipped on the classpath. */
    public static TierCatalog load() {
        try (InputStream in = TierCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("tier catalog " + RESOURCE + " is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tier catalog " + RESOURCE, e);
        }
    }

    static TierCatalog parse(InputStream yaml) throws IOException {
        JsonNode tiers = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("tiers");
        Map<Tier, TierConfig> configs = new EnumMap<>(Tier.class);
        for (Map.Entry<String, JsonNode> entry : tiers.properties()) {
            Tier tier = Tier.parse(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException("unknown tier in catalog: " + entry.getKey()));
            configs.put(tier, toConfig(tier, entry.getValue()));
        }
        return new TierCatalog(configs);
    }

    private static TierConfig toConfig(Tier tier, JsonNode node) {
        List<String> features = new ArrayList<>();
        node.path("features").forEach(f -> features.add(f.asText()));
        return new TierConfig(
                tier,
                features,
                node.path("queriesPerMinute").asInt(),
                node.path("documentsPerMonth").asInt(),
                node.path("model").asText(),
                node.path("maxTokens").asInt(),
                node.path("temperature").asDouble(),
                node.path("demoDocuments").asBoolean(),
                node.path("costMultiplier").asInt(),
                node.path("postgresConnectionLimit").asInt());
    }

    public TierConfig config(Tier tier) {
        return configs.get(tier);
    }
}
