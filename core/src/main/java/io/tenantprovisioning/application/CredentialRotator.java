package io.tenantprovisioning.application;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.util.Optional;

/**
 * How one kind of credential is renewed, in the steps {@link RotationProcedure} runs and checks. A
 * credential {@code C} is whatever one login needs (a password, a key pair, a signing key); {@code equals}
 * tells the old from the new.
 */
interface CredentialRotator<C> {

    CredentialKind kind();

    /** Why this tenant's credential of this kind is not rotated here; empty when it is. */
    default Optional<String> unsupported(Slug slug) {
        return Optional.empty();
    }

    /**
     * Settles what an interrupted rotation left (a pending password, a key never recorded) so the recorded
     * credential is the working one; returns what it did, if anything.
     */
    default Optional<String> recover(Slug slug) throws ResourceException {
        return Optional.empty();
    }

    /** The credential as recorded now (vault, journal). */
    C current(Slug slug) throws ResourceException;

    /** Creates the new credential on the service; the old one keeps working wherever the service allows. */
    C issue(Slug slug, C current) throws ResourceException;

    /** A real login or call with the credential. */
    CredentialProbe probe(Slug slug, C credential);

    /** Records the new credential as the tenant's, all of it in one registry transaction. */
    void record(Slug slug, C next, C current) throws ResourceException;

    /** Makes the old credential stop working (or, for a signing key, schedules when it retires). */
    void revoke(Slug slug, C next, C current) throws ResourceException;

    /** Shows the old credential refused: a real failed login or call, or a refused token once it retires. */
    CredentialProbe probeRevoked(Slug slug, C old);

    /** Before {@link #record}: puts the service back on the old credential and forgets the new one. */
    void undo(Slug slug, C next, C current) throws ResourceException;

    /** What identifies the credential without revealing it (a role, an access key id, a kid). */
    String describe(Slug slug, C credential);
}
