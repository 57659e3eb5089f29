package io.tenantprovisioning.engine;

import io.tenantprovisioning.request.Slug;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Names of the short-lived canary tenants the isolation check creates: {@code canary-<created>-<random>}
 * with the creation time (epoch seconds, base 36) inside, so an orphan sweep can tell a canary that
 * a running validation still uses from one a crash left behind.
 */
public final class CanarySlugs {

    public static final String PREFIX = "canary-";
    /** Longer than any validation may run (VALIDATION_TIMEOUT_SECONDS defaults to 300). */
    public static final Duration IN_FLIGHT = Duration.ofMinutes(30);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private CanarySlugs() {
    }

    public static Slug newSlug(Instant now, SecureRandom random) {
        StringBuilder sb = new StringBuilder(PREFIX).append(Long.toString(now.getEpochSecond(), 36)).append('-');
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return Slug.of(sb.toString());
    }

    /** True for a canary created less than {@link #IN_FLIGHT} ago: a sweep must leave it alone. */
    public static boolean inFlight(String slug, Instant now) {
        return createdAt(slug).map(created -> Duration.between(created, now).compareTo(IN_FLIGHT) < 0).orElse(false);
    }

    /** When a canary was created, read from its name; empty for any other slug. */
    public static Optional<Instant> createdAt(String slug) {
        if (!slug.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = slug.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(rest.substring(0, dash), 36)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
