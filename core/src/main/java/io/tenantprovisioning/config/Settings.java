package io.tenantprovisioning.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolved configuration. Built by {@link SettingsLoader} from flags &gt; environment &gt; .env &gt;
 * config file &gt; local services file &gt; defaults. Immutable.
 */
public final class Settings {

    private final Map<Setting, String> values;
    private final Map<Setting, String> origins;

    Settings(Map<Setting, String> values, Map<Setting, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** Settings from the given values only (plus defaults): for tests and embedding. */
    public static Settings of(Map<Setting, String> values) {
        Map<Setting, String> all = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            if (s.defaultValue() != null) {
                all.put(s, s.defaultValue());
            }
        }
        all.putAll(values);
        return new Settings(all, Map.of());
    }

    /** A copy with some values replaced. */
    public Settings with(Map<Setting, String> overrides) {
        Map<Setting, String> all = new EnumMap<>(Setting.class);
        all.putAll(values);
        all.putAll(overrides);
        return new Settings(all, origins);
    }

    public Optional<String> optional(Setting setting) {
        requirePlain(setting);
        return Optional.ofNullable(values.get(setting)).filter(v -> !v.isBlank());
    }

    public String string(Setting setting) {
        return optional(setting).orElseThrow(() -> missing(setting));
    }

    public int integer(Setting setting) {
        String raw = string(setting);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(setting + " must be a whole number, got '" + raw + "'");
        }
    }

    public long longValue(Setting setting) {
        String raw = string(setting);
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(setting + " must be a whole number, got '" + raw + "'");
        }
    }

    public boolean bool(Setting setting) {
        String raw = optional(setting).orElse("false").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigurationException(setting + " must be true or false, got '" + raw + "'");
        };
    }

    public Optional<Secret> secret(Setting setting) {
        if (!setting.isSecret()) {
            throw new IllegalArgumentException(setting + " is not a secret setting; use optional()");
        }
        return Optional.ofNullable(values.get(setting)).filter(v -> !v.isBlank()).map(Secret::of);
    }

    public Secret requiredSecret(Setting setting) {
        return secret(setting).orElseThrow(() -> missing(setting));
    }

    /** The folder for embedded backends (DATA_DIR, default ~/.tenantctl/data). */
    public Path dataDir() {
        return optional(Setting.DATA_DIR).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".tenantctl", "data"));
    }

    /** A folder setting, defaulting to a sub-folder of {@link #dataDir()}. */
    public Path dir(Setting setting, String defaultSubfolder) {
        return optional(setting).map(Path::of).orElse(dataDir().resolve(defaultSubfolder));
    }

    /** Where a setting's value came from (flag, environment, file path, default), for `config` output. */
    public String origin(Setting setting) {
        return origins.getOrDefault(setting, values.containsKey(setting) ? "default" : "unset");
    }

    /** The value as it may be shown to a person: secrets masked. */
    public String display(Setting setting) {
        String v = values.get(setting);
        if (v == null || v.isBlank()) {
            return "";
        }
        return setting.isSecret() ? "****" : v;
    }

    private static void requirePlain(Setting setting) {
        if (setting.isSecret()) {
            throw new IllegalArgumentException(setting + " is a secret; use secret()");
        }
    }

    private static ConfigurationException missing(Setting setting) {
        return new ConfigurationException(setting + " is not set (" + setting.description()
                + "); set it in the environment, .env or the config file, or run scripts/services.sh up");
    }
}
