package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantprovisioning.config.Secret;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The root module's outputs after an apply. Prints names only. */
public final class TerraformOutputs {

    private final Map<String, OutputValue> values;

    public TerraformOutputs(Map<String, OutputValue> values) {
        this.values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public Map<String, OutputValue> all() {
        return values;
    }

    public Optional<OutputValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A non-sensitive output's text; fails when it is missing or sensitive. */
    public String text(String name) {
        OutputValue v = require(name);
        if (v instanceof OutputValue.Plain plain) {
            return plain.text();
        }
        throw new TerraformException(TerraformErrorCode.INVALID_USAGE,
                "output '" + name + "' is sensitive; read it with secret()");
    }

    /** A sensitive output's value; fails when it is missing or not marked sensitive. */
    public Secret secret(String name) {
        OutputValue v = require(name);
        if (v instanceof OutputValue.Sensitive sensitive) {
            return sensitive.value();
        }
        throw new TerraformException(TerraformErrorCode.INVALID_USAGE,
                "output '" + name + "' is not marked sensitive; read it with text()");
    }

    /** Non-sensitive outputs as text, keyed by name (for the resource journal). */
    public Map<String, String> plainTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof OutputValue.Plain plain) {
                out.put(k, plain.text());
            }
        });
        return out;
    }

    /** Sensitive outputs, keyed by name. */
    public Map<String, Secret> secrets() {
        Map<String, Secret> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof OutputValue.Sensitive sensitive) {
                out.put(k, sensitive.value());
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "TerraformOutputs" + values.keySet();
    }

    private OutputValue require(String name) {
        OutputValue v = values.get(name);
        if (v == null) {
            throw new TerraformException(TerraformErrorCode.UNEXPECTED_OUTPUT,
                    "the root module has no output '" + name + "' (it has " + values.keySet() + ")");
        }
        return v;
    }

    /** From the root object of {@code output -json}. */
    static TerraformOutputs fromOutputJson(JsonNode root) {
        if (!root.isObject()) {
            throw new TerraformException(TerraformErrorCode.UNEXPECTED_OUTPUT, "output -json did not print an object");
        }
        Map<String, OutputValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), OutputValue.of(e.getKey(), e.getValue()));
        }
        return new TerraformOutputs(values);
    }
}
