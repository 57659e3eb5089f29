package io.tenantprovisioning.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Known regions, read from {@code tenant-provisioning/regions.yaml}. */
public final class RegionCatalog {

    public static final String RESOURCE = "tenant-provisioning/regions.yaml";

    private final Map<String, Region> regions;

    private RegionCatalog(Map<String, Region> regions) {
        this.regions = regions;
    }

    public static RegionCatalog load() {
        try (InputStream in = RegionCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("region catalog " + RESOURCE + " is not on the classpath");
            }
            Map<String, Region> regions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : new ObjectMapper(new YAMLFactory()).readTree(in)
                    .path("regions").properties()) {
                JsonNode node = e.getValue();
                regions.put(e.getKey(), new Region(e.getKey(), node.path("costMultiplier").decimalValue(),
                        RegionArea.valueOf(node.path("area").asText())));
            }
            return new RegionCatalog(Map.copyOf(regions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region catalog " + RESOURCE, e);
        }
    }

    /** Looks a region up by code, case-insensitively. */
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(regions.get(code.trim().toLowerCase(Locale.ROOT)));
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown region '" + code + "'; known regions: " + String.join(", ", codes())));
    }

    public List<String> codes() {
        return regions.keySet().stream().sorted().toList();
    }
}
