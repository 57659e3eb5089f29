package io.tenantprovisioning.engine.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@code init}. {@code -input=false -no-color} are always passed.
 *
 * @param backendConfig {@code -backend-config=KEY=VALUE} pairs, in order; never secrets (they would
 *                      show in the process list): pass those through the environment
 * @param reconfigure   {@code -reconfigure}: ignore a previous backend configuration in the folder
 * @param backend       false passes {@code -backend=false} (validate-only runs)
 */
public record InitOptions(Map<String, String> backendConfig, boolean reconfigure, boolean backend) {

    public static final InitOptions DEFAULTS = new InitOptions(Map.of(), false, true);

    public InitOptions {
        backendConfig = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(backendConfig));
    }

    public InitOptions withBackendConfig(Map<String, String> pairs) {
        return new InitOptions(pairs, reconfigure, backend);
    }

    public InitOptions withReconfigure(boolean value) {
        return new InitOptions(backendConfig, value, backend);
    }

    public InitOptions withBackend(boolean value) {
        return new InitOptions(backendConfig, reconfigure, value);
    }
}
