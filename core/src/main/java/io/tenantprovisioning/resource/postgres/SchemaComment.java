package io.tenantprovisioning.resource.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.model.ChargebackTags;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tags stored as the JSON comment of a tenant schema: PostgreSQL has no tags, so they live beside the
 * resource where the cost-tag check and the sweep can read them back from the database itself.
 */
final class SchemaComment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private SchemaComment() {
    }

    /** The comment text for these tags (sorted, so re-runs write the same text). */
    static String encode(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags could not be written as JSON", e);
        }
    }

    /** Tags from a schema comment; empty when there is no comment or it is not our JSON. */
    static Map<String, String> decode(String comment) {
        if (comment == null || comment.isBlank()) {
            return Map.of();
        }
        try {
            return Map.copyOf(JSON.readValue(comment, TAGS));
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** True when the comment says this product manages the schema. */
    static boolean managed(Map<String, String> tags) {
        return ChargebackTags.MANAGED_BY_VALUE.equals(tags.get(ChargebackTags.MANAGED_BY));
    }

    static Optional<String> tenantId(Map<String, String> tags) {
        return Optional.ofNullable(tags.get(ChargebackTags.TENANT_ID));
    }
}
