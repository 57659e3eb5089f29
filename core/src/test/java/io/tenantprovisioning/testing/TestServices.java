package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.config.SettingsLoader;
import io.tenantprovisioning.model.RegistryId;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.OwnershipMarker;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Settings for tests that talk to the real local services started by {@code scripts/services.sh up}.
 * Fails loudly (never skips) when they are not configured: a skipped isolation test proves nothing.
 */
public final class TestServices {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * The ownership marker of the drivers tests build by hand: a registry id of this test run's own, so
     * they take over and sweep only what this run created (resources of the registries of other runs on
     * the same services are someone else's to them, as a staging registry's are to production's).
     */
    public static final OwnershipMarker MARKER = new OwnershipMarker(new RegistryId(UUID.randomUUID()));

    private TestServices() {
    }

    public static Settings settings() {
        Settings settings = new SettingsLoader(Map.of(), System.getenv(), Path.of("")).load();
        if (settings.secret(Setting.REGISTRY_DB_PASSWORD).isEmpty()) {
            throw new IllegalStateException("local services are not configured: run scripts/services.sh up "
                    + "(or set TENANTCTL_SERVICES_ENV to its services.env)");
        }
        return settings;
    }

    /** The local services' settings with a data folder of the test's own, plus {@code extra}. */
    public static Settings settingsIn(Path dataDir, Map<Setting, String> extra) {
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        overrides.put(Setting.DATA_DIR, dataDir.toString());
        overrides.putAll(extra);
        return settings().with(overrides);
    }

    /** A fresh slug no other test (or concurrent test run) uses: {@code <prefix>-<8 random chars>}. */
    public static Slug uniqueSlug(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Slug.of(sb.toString());
    }
}
