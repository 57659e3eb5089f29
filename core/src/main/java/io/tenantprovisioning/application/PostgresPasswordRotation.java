package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.postgres.RolePasswords;
import java.util.Optional;

/**
 * The tenant role's PostgreSQL password. A role has one password, so setting the new one is what stops
 * the old one: the new one is written to the vault as {@code <password>.pending} before the server gets it, so
 * that whatever happens next one recorded password is the server's; a failure before the record sets
 * the old one back. Once the new one is recorded, the role's open sessions are ended too: PostgreSQL keeps
 * a session opened with the old password open after the change.
 */
final class PostgresPasswordRotation implements CredentialRotator<Secret> {

    private static final PendingPassword PENDING_PASSWORD = new PendingPassword(PostgresSchemaDriver.SECRET_PASSWORD, "the server");
    static final String PENDING = PENDING_PASSWORD.name();

    private final RolePasswords passwords;
    private final RotationRecords records;
    private final RandomSecrets random;
    private final Optional<String> unsupported;

    PostgresPasswordRotation(RolePasswords passwords, RotationRecords records, RandomSecrets random,
                             Optional<String> unsupported) {
        this.passwords = passwords;
        this.records = records;
        this.random = random;
        this.unsupported = unsupported;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.DB;
    }

    @Override
    public Optional<String> unsupported(Slug slug) {
        return unsupported;
    }

    /** A pending password the server accepts becomes the recorded one; one it refuses is dropped. */
    @Override
    public Optional<String> recover(Slug slug) {
        return PENDING_PASSWORD.recover(slug, records, passwords::login);
    }

    @Override
    public Secret current(Slug slug) {
        return records.requireSecret(slug, PostgresSchemaDriver.SECRET_PASSWORD);
    }

    @Override
    public Secret issue(Slug slug, Secret current) throws ResourceException {
        Secret next = random.password();
        PENDING_PASSWORD.stage(slug, records, next, passwords::set);
        return next;
    }

    @Override
    public CredentialProbe probe(Slug slug, Secret credential) {
        return passwords.login(slug, credential);
    }

    @Override
    public void record(Slug slug, Secret next, Secret current) {
        PENDING_PASSWORD.promote(slug, records, next);
    }

    /**
     * Setting the new password already refused the old one for new logins; the role's sessions still open
     * are ended, those opened with the old password among them (any opened since with the new one reconnect).
     */
    @Override
    public void revoke(Slug slug, Secret next, Secret current) throws ResourceException {
        passwords.endSessions(slug);
    }

    @Override
    public CredentialProbe probeRevoked(Slug slug, Secret old) {
        return passwords.login(slug, old);
    }

    @Override
    public void undo(Slug slug, Secret next, Secret current) throws ResourceException {
        passwords.set(slug, current);
        records.vault().delete(slug, PENDING);
    }

    @Override
    public String describe(Slug slug, Secret credential) {
        return "a new password of role " + PostgresSchemaDriver.nameOf(slug).name();
    }
}
