package io.tenantprovisioning.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long one of a tenant's credentials has been in use: since the vault last stored it. Credentials
 * are not rotated yet, so this is the time since provisioning created it. The name only, never a value.
 *
 * @param name      the vault name, e.g. {@code postgres.password}
 * @param writtenAt when the vault stored it
 * @param age       from {@code writtenAt} to when the report was made
 */
public record CredentialAge(String name, Instant writtenAt, Duration age) {

    public CredentialAge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(age, "age");
    }
}
