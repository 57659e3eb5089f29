package io.tenantprovisioning.application;

import java.util.Objects;

/**
 * What rotating one credential of a tenant did. Every detail names identifiers and service answers
 * (a key id, an SQLSTATE, a Redis error), never a secret.
 */
public sealed interface RotationOutcome {

    CredentialKind kind();

    /**
     * The new credential is recorded, was proven to work by a real login or call before the old one was
     * revoked, and the old one was proven refused afterwards.
     *
     * @param newId      what identifies the new credential without revealing it (role, key id, kid)
     * @param newProof   the call the new credential passed
     * @param oldRefused the call the old credential failed (for the signing key: refused once it retires)
     */
    record Rotated(CredentialKind kind, String newId, String newProof, String oldRefused) implements RotationOutcome {
        public Rotated {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Not rotated, on purpose (e.g. the store cannot hold two keys, or Terraform owns the credential). */
    record Skipped(CredentialKind kind, String reason) implements RotationOutcome {
    }

    /**
     * The rotation stopped at {@code step}; the tenant kept a credential that works, {@code working} says
     * which ("old" or "new") and {@code proof} the login that showed it. {@code working} is "none" only
     * when no recorded credential could be proven: the message then says what to do.
     */
    record Failed(CredentialKind kind, String step, String reason, String working, String proof)
            implements RotationOutcome {
    }
}
