package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.TenantAccess;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A small real probe for the isolation-check tests: logs in to Redis as {@code self}'s ACL user and
 * tries to read and write a key under {@code other}'s prefix. Anything but NOPERM is a violation.
 */
final class RedisKeyProbe implements IsolationProbe {

    static final String USER = "redis.user";
    static final String PASSWORD = "redis.password";

    private final HostAndPort server;

    RedisKeyProbe(Settings settings) {
        this.server = new HostAndPort(settings.string(Setting.REDIS_HOST), settings.integer(Setting.REDIS_PORT));
    }

    @Override
    public String backend() {
        return "redis";
    }

    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) {
        String key = other.slug().redisPrefix() + "probe";
        List<String> violations = new ArrayList<>();
        try (Jedis jedis = new Jedis(server, DefaultJedisClientConfig.builder()
                .user(self.attribute(USER).orElseThrow())
                .password(self.secret(PASSWORD).orElseThrow().reveal()).build())) {
            if (allowed(() -> jedis.get(key))) {
                violations.add("GET " + key + " succeeded");
            }
            if (allowed(() -> jedis.set(key, "written-by-" + self.slug()))) {
                violations.add("SET " + key + " succeeded");
            }
        }
        return violations;
    }

    private static boolean allowed(Runnable command) {
        try {
            command.run();
            return true;
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("NOPERM")) {
                return false;
            }
            throw e;
        }
    }
}
