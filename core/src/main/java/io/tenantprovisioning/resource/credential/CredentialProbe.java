package io.tenantprovisioning.resource.credential;

/**
 * What a real login or call with one credential showed: the service accepted it, refused it as a
 * credential (wrong password, unknown key, bad signature), or could not be asked. Rotation needs to
 * tell the last two apart: only a refusal proves an old credential dead. Messages never hold a secret.
 */
public sealed interface CredentialProbe {

    String detail();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    default boolean refused() {
        return this instanceof Refused;
    }

    /** The service let the credential in ({@code detail}: what was done with it). */
    record Accepted(String detail) implements CredentialProbe {
    }

    /** The service refused the credential itself ({@code detail}: its error code, e.g. 28P01). */
    record Refused(String detail) implements CredentialProbe {
    }

    /** Neither: the service failed or could not be reached, so the probe proves nothing. */
    record Unreachable(String detail) implements CredentialProbe {
    }
}
