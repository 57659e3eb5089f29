package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/** Where Redis listens; opens single connections as the admin or as a tenant's ACL user. */
public record RedisEndpoint(String host, int port) {

    private static final int TIMEOUT_MILLIS = 5_000;

    public RedisEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Redis endpoint needs a host");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Redis port must be 1-65535, got " + port);
        }
    }

    public static RedisEndpoint fromSettings(Settings settings) {
        return new RedisEndpoint(settings.string(Setting.REDIS_HOST), settings.integer(Setting.REDIS_PORT));
    }

    /**
     * A new connection authenticated as {@code user} (null = the {@code default} user, i.e. the admin).
     * RESP2 keeps replies plain, so a refused SUBSCRIBE comes back as an error and not a push frame.
     */
    public Jedis connect(String user, Secret password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .protocol(RedisProtocol.RESP2)
                .timeoutMillis(TIMEOUT_MILLIS)
                .password(password.reveal());
        if (user != null) {
            config.user(user);
        }
        return new Jedis(new HostAndPort(host, port), config.build());
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
