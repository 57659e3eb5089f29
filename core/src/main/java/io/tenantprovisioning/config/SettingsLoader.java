package io.tenantprovisioning.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Settings} from, highest first: flags, environment, {@code .env} in the working
 * folder, the config file (TENANTCTL_CONFIG, default ~/.config/tenantctl/config.env), the local
 * services file written by {@code scripts/services.sh up} (TENANTCTL_SERVICES_ENV, default
 * {@code .services/services.env} in the nearest enclosing repository), then defaults.
 */
public final class SettingsLoader {

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Path workingDir;

    public SettingsLoader(Map<String, String> flags, Map<String, String> environment, Path workingDir) {
        this.flags = Map.copyOf(flags);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir.toAbsolutePath();
    }

    /** Flags only, with the process environment and working folder. */
    public static Settings load(Map<String, String> flags) {
        return new SettingsLoader(flags, System.getenv(), Path.of("")).load();
    }

    public Settings load() {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("flag", flags));
        sources.add(new Source("environment", environment));
        sources.add(fileSource(workingDir.resolve(".env")));
        sources.add(fileSource(configFile()));
        servicesFile().ifPresent(p -> sources.add(fileSource(p)));

        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            for (Source source : sources) {
                String v = source.values().get(setting.name());
                if (v != null && !v.isBlank()) {
                    values.put(setting, v);
                    origins.put(setting, source.name());
                    break;
                }
            }
            if (!values.containsKey(setting) && setting.defaultValue() != null) {
                values.put(setting, setting.defaultValue());
                origins.put(setting, "default");
            }
        }
        return new Settings(values, origins);
    }

    private Path configFile() {
        String explicit = environment.get("TENANTCTL_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("user.home"), ".config", "tenantctl", "config.env");
    }

    private Optional<Path> servicesFile() {
        String explicit = environment.get("TENANTCTL_SERVICES_ENV");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        List<Path> roots = new ArrayList<>();
        String repoRoot = System.getProperty("tenantctl.repo.root");
        if (repoRoot != null && !repoRoot.isBlank()) {
            roots.add(Path.of(repoRoot));
        }
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            roots.add(dir);
        }
        return roots.stream().map(r -> r.resolve(".services").resolve("services.env"))
                .filter(Files::isRegularFile).findFirst();
    }

    private static Source fileSource(Path path) {
        if (!Files.isRegularFile(path)) {
            return new Source(path.toString(), Map.of());
        }
        try {
            return new Source(path.toString(), parseEnvFile(Files.readAllLines(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings file " + path, e);
        }
    }

    /** KEY=VALUE lines; '#' comments, blank lines, optional "export " and surrounding quotes. */
    static Map<String, String> parseEnvFile(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, eq).strip(), value);
        }
        return values;
    }

    private record Source(String name, Map<String, String> values) {
    }
}
