package io.tenantprovisioning.resource.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus file_sd target file: {@code [{"targets":["host:port"],"labels":{...}}]}, one group.
 *
 * @param targets the host:port endpoints Prometheus scrapes ({@code /metrics})
 * @param labels  the labels every series scraped from them carries
 */
public record PrometheusTargetFile(List<String> targets, Map<String, String> labels) {

    public PrometheusTargetFile {
        targets = List.copyOf(targets);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public JsonNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode group = json.objectNode();
        ArrayNode targetArray = group.putArray("targets");
        targets.forEach(targetArray::add);
        ObjectNode labelObject = group.putObject("labels");
        labels.forEach(labelObject::put);
        return json.arrayNode().add(group);
    }

    /** Reads a target file; empty when it does not exist, an IOException naming it when it is not JSON. */
    public static Optional<PrometheusTargetFile> read(Path file) throws IOException {
        return new JsonFolder(file.getParent()).read(file.getFileName().toString()).map(PrometheusTargetFile::fromJson);
    }

    /** Reads the first group of a file_sd document (the only one this product writes). */
    public static PrometheusTargetFile fromJson(JsonNode document) {
        JsonNode group = document.path(0);
        List<String> targets = new ArrayList<>();
        group.path("targets").forEach(t -> targets.add(t.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        group.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new PrometheusTargetFile(targets, labels);
    }
}
