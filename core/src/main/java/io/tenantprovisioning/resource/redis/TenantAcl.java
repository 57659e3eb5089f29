package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACL rules of a tenant's Redis user, built from an allow-list: its own key and channel prefix only,
 * the command categories of the data types, the keyspace, transactions and pub/sub, the few connection
 * commands a client needs, and none of the commands that reach the whole keyspace or server regardless
 * of key patterns (key patterns do not restrict keyless commands such as KEYS or SCAN).
 *
 * <p>An allow-list, not {@code +@all} minus a deny-list: what a tenant must not have is the part that
 * grows. From {@code +@all} the user kept CLIENT TRACKING (with BCAST, invalidations name other tenants'
 * keys on Redis versions that do not filter them by ACL), EVAL (an endless script makes Redis answer BUSY
 * to everyone) and SCRIPT KILL (of another tenant's script); a category a future Redis adds starts
 * refused here.
 */
public final class TenantAcl {

    /** The command categories a tenant may use; every command outside them is refused. */
    public static final List<String> ALLOWED_CATEGORIES = List.of("keyspace", "read", "write", "string", "hash",
            "list", "set", "sortedset", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "transaction");

    /** Removed after the allow-list: a command in an allowed category and one of these stays refused. */
    public static final List<String> REFUSED_CATEGORIES = List.of("dangerous", "admin", "scripting");

    /**
     * Connection commands a client needs to log in and stay connected; of CLIENT only what concerns its
     * own connection (not TRACKING, CACHING, LIST, KILL, PAUSE, NO-EVICT, …).
     */
    public static final List<String> CONNECTION_COMMANDS = List.of("auth", "hello", "ping", "echo", "quit", "reset",
            "client|id", "client|info", "client|getname", "client|setname");

    /**
     * Commands (or subcommands) of the allowed categories a tenant must never run: they reach every
     * tenant's keys, channels or databases. Some are outside the allowed categories already; they are
     * listed anyway so the rule stays right if the categories change between Redis versions.
     */
    public static final List<String> DENIED_COMMANDS = List.of(
            "keys", "scan", "randomkey", "flushall", "flushdb", "swapdb", "dbsize", "move", "select",
            // server-wide views and state: channel names of every tenant, the function library, script cache
            "pubsub", "function", "script|flush", "memory", "info", "monitor", "client|list", "client|kill");

    /** Where the admin keeps a tenant's tags and quota: outside every tenant's key pattern ({@code t:*}). */
    private static final String META_PREFIX = "tenantctl:meta:";

    private TenantAcl() {
    }

    /** The rules for {@code ACL SETUSER}, starting with {@code reset} so nothing of an older user survives. */
    static List<String> rules(Slug slug, Secret password) {
        List<String> rules = new ArrayList<>(List.of("reset", "on", ">" + password.reveal()));
        rules.addAll(permissions(slug));
        return rules;
    }

    /**
     * The user's permissions alone, each list cleared first ({@code resetkeys}, {@code resetchannels},
     * {@code nocommands}), its passwords untouched: re-applied by configure, so a user made under an older
     * rule set (from {@code +@all}, before the allow-list) gets exactly today's.
     */
    static List<String> permissions(Slug slug) {
        List<String> rules = new ArrayList<>(List.of("resetkeys", "resetchannels", "nocommands", keyPattern(slug),
                channelPattern(slug)));
        ALLOWED_CATEGORIES.forEach(category -> rules.add("+@" + category));
        REFUSED_CATEGORIES.forEach(category -> rules.add("-@" + category));
        CONNECTION_COMMANDS.forEach(command -> rules.add("+" + command));
        DENIED_COMMANDS.forEach(command -> rules.add("-" + command));
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

    /**
     * The metadata hash the admin writes: tags and tier quota, {@code tenantctl:meta:acme-corp}. Outside the
     * tenant's prefix, so the tenant's user can neither rewrite its marker and cost tags nor read them.
     */
    public static String metaKey(Slug slug) {
        return META_PREFIX + slug.value();
    }

    /** SCAN pattern of every tenant's metadata hash. */
    static String metaKeyPattern() {
        return META_PREFIX + "*";
    }

    /** The slug of a metadata hash's key, when it is one. */
    static String slugOfMetaKey(String key) {
        return key.startsWith(META_PREFIX) ? key.substring(META_PREFIX.length()) : null;
    }

    /**
     * Where tenants provisioned before issue #15 have their metadata hash: inside their own prefix, where
     * their user could write it. Read (and removed) for them; never written.
     */
    static String legacyMetaKey(Slug slug) {
        return slug.redisPrefix() + "meta";
    }
}
