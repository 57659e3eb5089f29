package io.tenantprovisioning.application;

import java.time.Duration;
import io.tenantprovisioning.registry.SecretStamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How long one of a tenant's credentials has been in use: since the vault last stored it, i.e. since
 * provisioning created it or `tenantctl rotate` last renewed it. The name only, never a value.
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

    /** The ages at {@code now} of the stamped secrets (none for a tenant without secrets). */
    static List<CredentialAge> of(List<SecretStamp> stamps, Instant now) {
        if (stamps == null) {
            return List.of();
        }
        return stamps.stream().map(stamp -> {
            Duration age = Duration.between(stamp.writtenAt(), now);
            // another host's clock may run a little ahead; a credential is never younger than new
            return new CredentialAge(stamp.name(), stamp.writtenAt(), age.isNegative() ? Duration.ZERO : age);
        }).toList();
    }

    /** The credentials `rotate` renews, without markers, pending or retiring entries of the vault. */
    static List<CredentialAge> inUse(List<CredentialAge> ages) {
        return ages.stream().filter(a -> CredentialKind.ofVaultName(a.name()).isPresent()).toList();
    }
}
