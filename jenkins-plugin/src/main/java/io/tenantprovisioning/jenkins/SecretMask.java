package io.tenantprovisioning.jenkins;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces the values of secret settings (as the controller's configuration reads them from its
 * credentials store) with {@code ****} in every line a step writes to the build log or puts in an error.
 * A second line of defence: the engine already never prints secrets.
 */
public final class SecretMask {

    static final String MASK = "****";

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secret settings' values found in the environment; longest first so overlaps mask whole. */
    public static SecretMask of(Map<String, String> environment) {
        List<String> values = Arrays.stream(Setting.values())
                .filter(Setting::isSecret)
                .map(s -> environment.get(s.name()))
                .filter(Objects::nonNull)
                .filter(v -> !v.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new SecretMask(values);
    }

    /** The secret settings' values the controller configured. */
    public static SecretMask of(Settings settings) {
        Map<String, String> secrets = new java.util.HashMap<>();
        Arrays.stream(Setting.values()).filter(Setting::isSecret)
                .forEach(s -> settings.secret(s).ifPresent(v -> secrets.put(s.name(), v.reveal())));
        return of(secrets);
    }

    public String apply(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
