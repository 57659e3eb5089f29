package io.tenantprovisioning.security;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * What one tenant's own Redis user tries, on a fresh RESP3 connection each time (RESP3 is where
 * CLIENT TRACKING delivers invalidations on the connection itself). Nothing here can hurt the shared
 * server if it is allowed: the script returns at once, SCRIPT KILL finds no script of ours running.
 */
final class RedisUserAttacks {

    private final RedisEndpoint endpoint;
    private final Slug slug;
    private final String user;
    private final Secret password;

    RedisUserAttacks(RedisEndpoint endpoint, TenantAccess tenant) {
        this.endpoint = endpoint;
        this.slug = tenant.slug();
        this.user = tenant.attribute(RedisNamespaceDriver.ATTR_USER).orElseThrow();
        this.password = tenant.secret(RedisNamespaceDriver.SECRET_PASSWORD).orElseThrow();
    }

    /** SET, GET and DEL of a key under its own prefix. */
    Answer ownKeys() {
        String key = slug.redisPrefix() + "security-model";
        return send("SET/GET/DEL " + key, jedis -> {
            jedis.set(key, "mine");
            String read = jedis.get(key);
            jedis.del(key);
            return "read '" + read + "'";
        });
    }

    Answer readKey(Slug other) {
        String key = other.redisPrefix() + "security-model";
        return send("GET " + key, jedis -> "got " + jedis.get(key));
    }

    /** Broadcast tracking: invalidation messages name every key written anywhere, other tenants' too. */
    Answer clientTrackingBroadcast() {
        return send("CLIENT TRACKING ON BCAST", jedis -> text(
                jedis.sendCommand(Protocol.Command.CLIENT, "TRACKING", "ON", "BCAST")));
    }

    /** A harmless script: if EVAL runs at all, an endless one makes Redis answer BUSY to every tenant. */
    Answer eval() {
        return send("EVAL", jedis -> String.valueOf(jedis.eval("return 1")));
    }

    /** Kills whatever script runs now, another tenant's included. */
    Answer scriptKill() {
        return send("SCRIPT KILL", jedis -> text(jedis.sendCommand(Protocol.Command.SCRIPT, "KILL")));
    }

    /** Rewrites the admin-owned tags of its own namespace (the marker the sweep and check 8 read). */
    Answer writeOwnTags() {
        String meta = TenantAcl.metaKey(slug);
        return send("HSET " + meta, jedis -> jedis.hset(meta, "tag:CostCenter", "SOMEONE_ELSE") + " field(s)");
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(reply);
    }

    @FunctionalInterface
    private interface Command {
        String run(Jedis jedis);
    }

    /** NOPERM is a refusal; any other error means the command got past the ACL. */
    private Answer send(String what, Command command) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3)
                .user(user).password(password.reveal()).timeoutMillis(5_000).build();
        try (Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config)) {
            return Answer.allowed(what + ": " + command.run(jedis));
        } catch (JedisDataException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return message.startsWith("NOPERM") ? Answer.refused(what + ": NOPERM")
                    : Answer.allowed(what + ": passed the ACL, then " + message);
        }
    }
}
