package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a root module declares to its caller: its input variables and its outputs, as OpenTofu reads
 * them ({@code root_module} of {@code tofu show -config -json}).
 */
record RootModuleInterface(Map<String, DeclaredVariable> variables, Map<String, DeclaredOutput> outputs) {

    /** @param required no {@code default}: OpenTofu refuses to plan without a value */
    record DeclaredVariable(String name, TfType type, boolean required) {
    }

    record DeclaredOutput(String name, boolean sensitive) {
    }

    RootModuleInterface {
        // sorted, so mismatches are reported in a stable order
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
    }

    static RootModuleInterface fromShowConfig(JsonNode showConfig) {
        JsonNode root = showConfig.path("root_module");
        if (!root.isObject()) {
            throw new IllegalArgumentException("show -config -json printed no root_module: " + showConfig);
        }
        Map<String, DeclaredVariable> variables = new TreeMap<>();
        root.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), new DeclaredVariable(
                e.getKey(), TfType.fromJson(e.getValue().get("type")),
                e.getValue().path("required").asBoolean(false))));
        Map<String, DeclaredOutput> outputs = new TreeMap<>();
        root.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(),
                new DeclaredOutput(e.getKey(), e.getValue().path("sensitive").asBoolean(false))));
        return new RootModuleInterface(variables, outputs);
    }
}
