package io.tenantprovisioning.validation;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.TenantAccess;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.AccessControlUser;

/**
 * As tenant A's Redis user, tries B's keys, channels and tags, the keyless commands that reach every
 * tenant's data, the commands that reach every tenant's connections (CLIENT TRACKING ON BCAST, EVAL,
 * SCRIPT KILL) and a write to A's own admin-owned tags, twice: asking Redis ({@code ACL DRYRUN}, as the
 * admin) and running the commands for real with A's own credentials. Disruptive commands (FLUSHALL,
 * FLUSHDB, SWAPDB, SCRIPT KILL, the tag write) are run for real only after DRYRUN said they are refused,
 * so a broken ACL is reported without wiping the shared server, killing a script or changing a tag.
 */
public final class RedisIsolationProbe implements IsolationProbe {

    private final RedisEndpoint adminEndpoint;
    private final Secret adminPassword;

    public RedisIsolationProbe(RedisEndpoint adminEndpoint, Secret adminPassword) {
        this.adminEndpoint = adminEndpoint;
        this.adminPassword = adminPassword;
    }

    public static RedisIsolationProbe fromSettings(Settings settings) {
        return new RedisIsolationProbe(RedisEndpoint.fromSettings(settings),
                settings.requiredSecret(Setting.REDIS_PASSWORD));
    }

    @Override
    public String backend() {
        return "redis";
    }

    /**
     * One command tried against the other tenant (or the server); {@code subscribe} ones need a connection
     * of their own. A disruptive one runs for real only when DRYRUN refused it.
     */
    private record Attempt(Protocol.Command command, List<String> args, boolean disruptive) {
        Attempt(Protocol.Command command, List<String> args) {
            this(command, args, false);
        }

        String display() {
            return (command.name() + " " + String.join(" ", args)).trim();
        }
    }

    @Override
    public List<String> violations(TenantAccess self, TenantAccess other) {
        String user = required(self, RedisNamespaceDriver.ATTR_USER);
        Secret password = self.secret(RedisNamespaceDriver.SECRET_PASSWORD).orElseThrow(() ->
                new IllegalArgumentException("tenant " + self.slug() + " has no " + RedisNamespaceDriver.SECRET_PASSWORD));
        RedisEndpoint tenantEndpoint = new RedisEndpoint(required(self, RedisNamespaceDriver.ATTR_HOST),
                Integer.parseInt(required(self, RedisNamespaceDriver.ATTR_PORT)));
        List<Attempt> attempts = attempts(other.slug().redisPrefix());
        attempts.addAll(serverWideAttempts(self, other));
        List<String> out = new ArrayList<>();
        List<Attempt> allowedByAcl = new ArrayList<>();
        try (Jedis admin = adminEndpoint.connect(null, adminPassword)) {
            aclShape(admin, user, self.slug().redisPrefix(), out);
            for (Attempt attempt : attempts) {
                String verdict = admin.aclDryRun(user, attempt.command().name().toLowerCase(Locale.ROOT),
                        attempt.args().toArray(String[]::new));
                if ("OK".equals(verdict)) {
                    allowedByAcl.add(attempt);
                    out.add("ACL DRYRUN: " + user + " may run " + attempt.display());
                }
            }
        }
        for (Attempt attempt : attempts) {
            if (attempt.disruptive() && allowedByAcl.contains(attempt)) {
                continue; // already reported; never flush the shared server or kill a script to prove it
            }
            String result = runForReal(tenantEndpoint, user, password, attempt);
            if (result != null) {
                out.add("as " + user + ": " + attempt.display() + " was not refused (" + result + ")");
            }
        }
        return out;
    }

    private static List<Attempt> attempts(String otherPrefix) {
        String key = otherPrefix + "isolation-probe:" + UUID.randomUUID();
        String channel = otherPrefix + "isolation-probe";
        return new ArrayList<>(List.of(
                new Attempt(Protocol.Command.GET, List.of(key)),
                new Attempt(Protocol.Command.SET, List.of(key, "x", "PX", "5000")),
                new Attempt(Protocol.Command.HGETALL, List.of(otherPrefix + "meta")),
                new Attempt(Protocol.Command.PUBLISH, List.of(channel, "isolation-probe")),
                new Attempt(Protocol.Command.SUBSCRIBE, List.of(channel)),
                new Attempt(Protocol.Command.PSUBSCRIBE, List.of(otherPrefix + "*")),
                new Attempt(Protocol.Command.KEYS, List.of(otherPrefix + "*")),
                new Attempt(Protocol.Command.SCAN, List.of("0", "MATCH", otherPrefix + "*")),
                new Attempt(Protocol.Command.RANDOMKEY, List.of()),
                new Attempt(Protocol.Command.DBSIZE, List.of()),
                new Attempt(Protocol.Command.PUBSUB, List.of("CHANNELS", otherPrefix + "*")),
                new Attempt(Protocol.Command.FLUSHALL, List.of(), true),
                new Attempt(Protocol.Command.FLUSHDB, List.of(), true),
                new Attempt(Protocol.Command.SWAPDB, List.of("0", "1"), true)));
    }

    /**
     * What reaches every tenant without naming a key of theirs: broadcast tracking (invalidations name
     * other tenants' keys), scripts (an endless one makes Redis answer BUSY to all; this one returns at
     * once) and killing the running script; and the admin-owned tags, A's own to write and B's to read.
     */
    private static List<Attempt> serverWideAttempts(TenantAccess self, TenantAccess other) {
        return List.of(
                new Attempt(Protocol.Command.CLIENT, List.of("TRACKING", "ON", "BCAST")),
                new Attempt(Protocol.Command.EVAL, List.of("return 1", "0")),
                new Attempt(Protocol.Command.SCRIPT, List.of("KILL"), true),
                new Attempt(Protocol.Command.HSET, List.of(TenantAcl.metaKey(self.slug()),
                        RedisNamespaceDriver.TAG_FIELD_PREFIX + "isolation-probe", "x"), true),
                new Attempt(Protocol.Command.HGETALL, List.of(TenantAcl.metaKey(other.slug()))));
    }

    /** A's key and channel patterns must be exactly its own prefix. */
    private static void aclShape(Jedis admin, String user, String ownPrefix, List<String> out) {
        AccessControlUser acl = admin.aclGetUser(user);
        if (acl == null) {
            throw new IllegalStateException("redis isolation probe inconclusive: ACL user " + user + " does not exist");
        }
        String expectedKeys = "~" + ownPrefix + "*";
        String expectedChannels = "&" + ownPrefix + "*";
        if (!expectedKeys.equals(acl.getKeys())) {
            out.add("ACL user " + user + " key patterns are '" + acl.getKeys() + "', expected only '" + expectedKeys + "'");
        }
        if (!expectedChannels.equals(acl.getChannels())) {
            out.add("ACL user " + user + " channel patterns are '" + acl.getChannels() + "', expected only '"
                    + expectedChannels + "'");
        }
        if (!acl.getSelectors().isEmpty()) {
            out.add("ACL user " + user + " has selectors " + acl.getSelectors() + " that widen its permissions");
        }
    }

    /** Null when Redis refused the command with NOPERM; otherwise what happened instead. */
    private static String runForReal(RedisEndpoint endpoint, String user, Secret password, Attempt attempt) {
        // a fresh connection per attempt: an accepted SUBSCRIBE leaves its connection in subscriber mode
        try (Jedis tenant = endpoint.connect(user, password)) {
            Object reply = tenant.sendCommand(attempt.command(), attempt.args().toArray(String[]::new));
            if (attempt.command() == Protocol.Command.SET) {
                tenant.sendCommand(Protocol.Command.DEL, attempt.args().get(0));
            }
            return "it succeeded" + (reply instanceof Long ? ", reply " + reply : "");
        } catch (JedisDataException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return message.startsWith("NOPERM") ? null : "it failed only later: " + message;
        }
    }

    private static String required(TenantAccess tenant, String key) {
        return tenant.attribute(key).orElseThrow(() -> new IllegalArgumentException("tenant " + tenant.slug()
                + " has no " + key + " attribute; was its redis resource created?"));
    }
}
