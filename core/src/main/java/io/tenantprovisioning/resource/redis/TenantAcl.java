package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACL rules of a tenant's Redis user: its own key and channel prefix only, every command except the
 * dangerous and admin ones, and explicitly none of the commands that reach the whole keyspace or server
 * regardless of key patterns (key patterns do not restrict keyless commands such as KEYS or SCAN).
 */
public final class TenantAcl {

    /**
     * Commands (or subcommands) a tenant must never run. Some are already in {@code @dangerous}; they are
     * listed anyway so the rule stays right if the categories change between Redis versions.
     */
    public static final List<String> DENIED_COMMANDS = List.of(
            "keys", "scan", "randomkey", "flushall", "flushdb", "swapdb", "dbsize", "move", "select",
            // server-wide views and state: channel names of every tenant, the function library, script cache
            "pubsub", "function", "script|flush", "memory", "info", "monitor", "client|list", "client|kill");

    private TenantAcl() {
    }

    /** The rules for {@code ACL SETUSER}, starting with {@code reset} so nothing of an older user survives. */
    static List<String> rules(Slug slug, Secret password) {
        List<String> rules = new ArrayList<>(List.of("reset", "on", ">" + password.reveal(),
                keyPattern(slug), channelPattern(slug), "+@all", "-@dangerous", "-@admin"));
        for (String command : DENIED_COMMANDS) {
            rules.add("-" + command);
        }
        return rules;
    }

    /** {@code ~t:acme-corp:*}. */
    public static String keyPattern(Slug slug) {
        return "~" + slug.redisPrefix() + "*";
    }

    /** {@code &t:acme-corp:*}. */
    public static String channelPattern(Slug slug) {
        return "&" + slug.redisPrefix() + "*";
    }

    /** The metadata hash the admin writes: tags and tier quota, {@code t:acme-corp:meta}. */
    public static String metaKey(Slug slug) {
        return slug.redisPrefix() + "meta";
    }
}
