package io.tenantprovisioning.tier;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The service tiers a tenant can buy. */
public enum Tier {
    GOLD, SILVER, BRONZE;

    /** Parses a tier name case-insensitively ("gold", "Gold", "GOLD"); empty when unknown. */
    public static Optional<Tier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** "Gold", "Silver", "Bronze": the form used in tags and reports. */
    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
