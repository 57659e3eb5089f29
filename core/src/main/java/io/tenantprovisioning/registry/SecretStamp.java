package io.tenantprovisioning.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * When one tenant secret was last written, and under which name; never the secret, not even sealed.
 *
 * @param name      the vault name, e.g. {@code postgres.password}
 * @param writtenAt when the vault last stored it: creation until rotation exists, then the last rotation
 */
public record SecretStamp(String slug, String name, Instant writtenAt) {

    public SecretStamp {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }
}
