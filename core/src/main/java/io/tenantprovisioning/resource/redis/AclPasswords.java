package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The passwords of a tenant's Redis ACL user. Redis lets a user hold several passwords at once, so
 * rotation adds the new one beside the old, proves it, and only then leaves the new one alone.
 * Works as the admin; an error from Redis is scrubbed of the password before it is reported.
 */
public final class AclPasswords {

    private final RedisEndpoint endpoint;
    private final Secret adminPassword;

    AclPasswords(RedisEndpoint endpoint, Secret adminPassword) {
        this.endpoint = endpoint;
        this.adminPassword = adminPassword;
    }

    /** Adds {@code password} to the user's passwords; the ones it had keep working. */
    public void add(Slug slug, Secret password) throws ResourceException {
        setUser(slug, password, "add a password to", ">" + password.reveal());
    }

    /** Removes {@code password} from the user's passwords (a rotation that could not be proven). */
    public void remove(Slug slug, Secret password) throws ResourceException {
        setUser(slug, password, "remove a password from", "<" + password.reveal());
    }

    /**
     * Leaves {@code password} as the user's only password: every other one is revoked at once. Redis keeps a
     * connection authenticated with a removed password, so the user's connections are then closed (CLIENT
     * KILL USER); clients reconnect with the password that stays.
     */
    public void keepOnly(Slug slug, Secret password) throws ResourceException {
        setUser(slug, password, "reset the passwords of", "resetpass", ">" + password.reveal());
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            admin.clientKill(ClientKillParams.clientKillParams().user(slug.redisUser()));
        } catch (JedisException e) {
            throw new ResourceException("redis: could not close the connections of ACL user " + slug.redisUser()
                    + ": " + scrub(e.getMessage(), password));
        }
    }

    /** AUTH as the tenant's user with {@code password}, then a PING. */
    public CredentialProbe login(Slug slug, Secret password) {
        try (Jedis tenant = endpoint.connect(slug.redisUser(), password)) {
            tenant.ping();
            return new CredentialProbe.Accepted("AUTH as " + slug.redisUser() + " on " + endpoint + " and PING");
        } catch (JedisAccessControlException e) {
            return new CredentialProbe.Refused("AUTH as " + slug.redisUser() + " refused ("
                    + firstWord(scrub(e.getMessage(), password)) + ")");
        } catch (JedisException e) {
            return new CredentialProbe.Unreachable("AUTH as " + slug.redisUser() + " on " + endpoint + " failed: "
                    + scrub(e.getMessage(), password));
        }
    }

    private void setUser(Slug slug, Secret password, String what, String... rules) throws ResourceException {
        try (Jedis admin = endpoint.connect(null, adminPassword)) {
            if (admin.aclGetUser(slug.redisUser()) == null) {
                throw new ResourceException("redis: ACL user " + slug.redisUser() + " does not exist on " + endpoint);
            }
            admin.aclSetUser(slug.redisUser(), rules);
        } catch (JedisException e) {
            throw new ResourceException("redis: could not " + what + " ACL user " + slug.redisUser() + ": "
                    + scrub(e.getMessage(), password));
        }
    }

    private static String firstWord(String message) {
        String trimmed = message == null ? "" : message.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String scrub(String message, Secret password) {
        return message == null ? "" : message.replace(password.reveal(), "****");
    }
}
