package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantprovisioning.config.Secret;

/**
 * One root-module output from {@code output -json}. Sensitive outputs only ever exist as a
 * {@link Secret}: no accessor, toString or log line shows their value.
 */
public sealed interface OutputValue {

    String name();

    /** The output's type as Terraform prints it, e.g. {@code "string"} or {@code ["list","string"]}. */
    JsonNode type();

    boolean sensitive();

    /** A non-sensitive output. */
    record Plain(String name, JsonNode type, JsonNode value) implements OutputValue {
        public boolean sensitive() {
            return false;
        }

        /** Strings, numbers and booleans as text; anything else as compact JSON. */
        public String text() {
            return value.isValueNode() ? value.asText() : value.toString();
        }
    }

    /** A sensitive output: its value as text (strings) or compact JSON (anything else), wrapped. */
    record Sensitive(String name, JsonNode type, Secret value) implements OutputValue {
        public boolean sensitive() {
            return true;
        }
    }

    static OutputValue of(String name, JsonNode meta) {
        JsonNode value = meta.path("value");
        JsonNode type = meta.path("type");
        if (meta.path("sensitive").asBoolean(false)) {
            return new Sensitive(name, type, Secret.of(value.isValueNode() ? value.asText() : value.toString()));
        }
        return new Plain(name, type, value);
    }
}
