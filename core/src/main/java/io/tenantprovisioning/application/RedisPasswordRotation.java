package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import io.tenantprovisioning.resource.redis.AclPasswords;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import java.util.Optional;

/**
 * The tenant's Redis ACL password. Redis holds several passwords per user: the new one is added beside
 * the old (and written to the vault as {@code <password>.pending} first), proven, recorded, and only then made the
 * user's only password, which revokes the old one.
 */
final class RedisPasswordRotation implements CredentialRotator<Secret> {

    private static final PendingPassword PENDING_PASSWORD = new PendingPassword(RedisNamespaceDriver.SECRET_PASSWORD, "Redis");
    static final String PENDING = PENDING_PASSWORD.name();

    private final AclPasswords passwords;
    private final RotationRecords records;
    private final RandomSecrets random;

    RedisPasswordRotation(AclPasswords passwords, RotationRecords records, RandomSecrets random) {
        this.passwords = passwords;
        this.records = records;
        this.random = random;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.REDIS;
    }

    /** A pending password Redis accepts becomes the recorded one; one it refuses is dropped. */
    @Override
    public Optional<String> recover(Slug slug) throws ResourceException {
        return PENDING_PASSWORD.recover(slug, records, passwords::login);
    }

    @Override
    public Secret current(Slug slug) {
        return records.requireSecret(slug, RedisNamespaceDriver.SECRET_PASSWORD);
    }

    @Override
    public Secret issue(Slug slug, Secret current) throws ResourceException {
        Secret next = random.password();
        PENDING_PASSWORD.stage(slug, records, next, passwords::add);
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

    /** The new password becomes the only one: every other, the old one included, stops working at once. */
    @Override
    public void revoke(Slug slug, Secret next, Secret current) throws ResourceException {
        passwords.keepOnly(slug, next);
    }

    @Override
    public CredentialProbe probeRevoked(Slug slug, Secret old) {
        return passwords.login(slug, old);
    }

    @Override
    public void undo(Slug slug, Secret next, Secret current) throws ResourceException {
        passwords.remove(slug, next);
        records.vault().delete(slug, PENDING);
    }

    @Override
    public String describe(Slug slug, Secret credential) {
        return "a new password of ACL user " + slug.redisUser();
    }
}
