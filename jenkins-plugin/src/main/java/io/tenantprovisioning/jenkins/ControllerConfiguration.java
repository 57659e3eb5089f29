package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * tenantctl's settings as the controller's administrator configured them (Manage Jenkins → System →
 * Tenant Provisioning): plain settings as {@code NAME=value} lines, and for each secret setting the id of
 * a Secret text credential in the controller's global credentials store. This is the only source of
 * policy (approval thresholds) and tool settings (binaries, folders, endpoints) for the steps: a build's
 * environment ({@code withEnv}, {@code environment {}}) is never read for them.
 */
public record ControllerConfiguration(Map<Setting, String> values, Map<Setting, String> credentialIds) {

    /** Test switches of the engine: they have no place on a controller, whoever configures it. */
    static final Set<Setting> TEST_HOOKS = EnumSet.of(Setting.TENANTCTL_FAIL_AT, Setting.TENANTCTL_PAUSE_AT,
            Setting.TENANTCTL_FAULTS);

    public ControllerConfiguration {
        values = Map.copyOf(values);
        credentialIds = Map.copyOf(credentialIds);
    }

    /** Where a secret setting's value comes from: the controller's credentials store, by credential id. */
    @FunctionalInterface
    public interface CredentialSecrets {
        /** The Secret text credential's value; empty when the store has no such credential. */
        Optional<String> secretText(String credentialId);
    }

    /**
     * Parses the two text fields of the global configuration; refuses, listing every problem, an unknown
     * setting, a secret written in plain text, a credential id for a setting that is not secret, and any
     * test hook.
     */
    public static ControllerConfiguration parse(String settingsText, String credentialsText) {
        List<String> problems = new ArrayList<>();
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        lines(settingsText, "settings", problems).forEach((setting, value) -> {
            if (setting.isSecret()) {
                problems.add(setting + " is a secret: give the id of a Secret text credential under credentials instead");
            } else {
                values.put(setting, value);
            }
        });
        Map<Setting, String> ids = new EnumMap<>(Setting.class);
        lines(credentialsText, "credentials", problems).forEach((setting, id) -> {
            if (!setting.isSecret()) {
                problems.add(setting + " is not a secret: set it under settings");
            } else {
                ids.put(setting, id);
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Tenant Provisioning global configuration:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new ControllerConfiguration(values, ids);
    }

    /** The engine's settings: the plain values and every secret read from the credentials store now. */
    public Settings settings(CredentialSecrets store) {
        Map<Setting, String> all = new EnumMap<>(Setting.class);
        all.putAll(values);
        List<String> missing = new ArrayList<>();
        credentialIds.forEach((setting, id) -> {
            Optional<String> secret = store.secretText(id);
            if (secret.isPresent()) {
                all.put(setting, secret.get());
            } else {
                missing.add(setting + ": no Secret text credential '" + id + "' in the controller's global store");
            }
        });
        if (!missing.isEmpty()) {
            throw new ConfigurationException("Tenant Provisioning global configuration:\n  - "
                    + String.join("\n  - ", missing));
        }
        return Settings.of(all);
    }

    private static Map<Setting, String> lines(String text, String field, List<String> problems) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        if (text == null) {
            return out;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            Optional<Setting> setting = settingNamed(name);
            if (eq < 0 || line.substring(eq + 1).isBlank()) {
                problems.add(field + ": '" + name + "' has no value (NAME=value)");
            } else if (setting.isEmpty()) {
                problems.add(field + ": '" + name + "' is not a tenantctl setting");
            } else if (TEST_HOOKS.contains(setting.get())) {
                problems.add(field + ": " + name + " is a test hook and is refused on a controller");
            } else {
                out.put(setting.get(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static Optional<Setting> settingNamed(String name) {
        try {
            return Optional.of(Setting.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
