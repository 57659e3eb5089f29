package io.tenantprovisioning.resource.redis;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.CreatedResource;
import io.tenantprovisioning.resource.ConfiguredResource;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.TagRewrite;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.credential.RandomSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.AccessControlUser;
import redis.clients.jedis.resps.ScanResult;

/**
 * A tenant's Redis namespace: ACL user {@code t_<slug>} limited to keys and channels under
 * {@code t:<slug>:} and to the command categories of {@link TenantAcl}, plus the metadata hash
 * {@code tenantctl:meta:<slug>} written by the admin: the tags (the ownership marker) at create, the tier
 * quota at configure. The hash lies outside the tenant's prefix, so its user cannot rewrite it (it used
 * to be {@code t:<slug>:meta}; such hashes of older tenants are still read, swept and removed). Works as
 * the admin ({@code default} user, REDIS_PASSWORD), one short connection per call.
 */
public final class RedisNamespaceDriver implements ResourceDriver {

    public static final String ATTR_USER = "redis.user";
    public static final String ATTR_PREFIX = "redis.prefix";
    public static final String ATTR_HOST = "redis.host";
    public static final String ATTR_PORT = "redis.port";
    public static final String SECRET_PASSWORD = "redis.password";
    /** The tier quota as configured (the meta hash holds the value the platform reads). */
    public static final String ATTR_QUOTA_QPM = "redis.quotaQueriesPerMinute";

    /** Meta hash fields: {@code tag:<TagName>} for each tag, and the tier quota. */
    public static final String TAG_FIELD_PREFIX = "tag:";
    public static final String QUOTA_QPM_FIELD = "quota:queries_per_minute";

    private static final String USER_PREFIX = "t_";
    /** Where tenants provisioned before issue #15 keep their metadata hash (see TenantAcl#legacyMetaKey). */
    private static final String LEGACY_META_PATTERN = "t:*:meta";
    private static final int SCAN_BATCH = 500;
    private static final RedisKind NAMING = new RedisKind();

    private final RedisEndpoint endpoint;
    private final Secret adminPassword;
    private final RandomSecrets randomSecrets;
    private final OwnershipMarker marker;

    public RedisNamespaceDriver(RedisEndpoint endpoint, Secret adminPassword, RandomSecrets randomSecrets,
                                OwnershipMarker marker) {
        this.endpoint = endpoint;
        this.adminPassword = adminPassword;
        this.randomSecrets = randomSecrets;
        this.marker = marker;
    }

    public static RedisNamespaceDriver fromSettings(Settings settings, OwnershipMarker marker) {
        return new RedisNamespaceDriver(RedisEndpoint.fromSettings(settings),
                settings.requiredSecret(Setting.REDIS_PASSWORD), new RandomSecrets(), marker);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.REDIS;
    }

    /**
     * The meta hash reset to the tenant's tags (this registry's marker), then the ACL user with a fresh
     * password: marker first, so a crash between the two leaves a marked namespace the sweep finds. An
     * existing user or hash is taken over only when it carries this registry's marker for the tenant; an
     * ACL user {@code t_<slug>} without one (someone else's) is refused before anything changes.
     */
    @Override
    public CreatedResource create(TenantResourceSpec spec) throws ResourceException {
        Slug slug = spec.slug();
        Secret password = randomSecrets.password();
        try (Jedis admin = admin()) {
            Map<String, String> meta = meta(admin, slug);
            if (!meta.isEmpty() || admin.aclGetUser(slug.redisUser()) != null) {
                marker.requireOurs("redis: ACL user " + slug.redisUser() + " / namespace " + slug.redisPrefix(),
                        tags(meta), slug);
            }
            Transaction tx = admin.multi();
            tx.del(TenantAcl.metaKey(slug), TenantAcl.legacyMetaKey(slug));
            tx.hset(TenantAcl.metaKey(slug), markerFields(spec));
            tx.exec();
            // reset: a re-run keeps no old password or permission
            admin.aclSetUser(slug.redisUser(), TenantAcl.rules(slug, password).toArray(String[]::new));
        } catch (JedisException e) {
            throw new ResourceException("redis: could not create ACL user " + slug.redisUser() + " on " + endpoint
                    + ": " + scrub(e.getMessage(), password));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_USER, slug.redisUser());
        attributes.put(ATTR_PREFIX, slug.redisPrefix());
        attributes.put(ATTR_HOST, endpoint.host());
        attributes.put(ATTR_PORT, Integer.toString(endpoint.port()));
        return new CreatedResource(ResourceKind.REDIS, NAMING.name(slug), slug.redisUser(), attributes,
                Map.of(SECRET_PASSWORD, password));
    }

    /**
     * The tier's quota into the meta hash, where the platform's rate limiter reads it, and the user's
     * permissions from today's allow-list (its passwords untouched): a user made under older rules, or widened
     * by hand, gets exactly today's again.
     */
    @Override
    public ConfiguredResource configure(TenantResourceSpec spec, CreatedResource created) throws ResourceException {
        Slug slug = spec.slug();
        String quota = Integer.toString(spec.tierConfig().queriesPerMinute());
        try (Jedis admin = admin()) {
            if (admin.aclGetUser(slug.redisUser()) == null) {
                throw new ResourceException("redis: ACL user " + slug.redisUser() + " does not exist on " + endpoint);
            }
            admin.aclSetUser(slug.redisUser(), TenantAcl.permissions(slug).toArray(String[]::new));
            admin.hset(TenantAcl.metaKey(slug), QUOTA_QPM_FIELD, quota);
        } catch (JedisException e) {
            throw new ResourceException("redis: could not configure " + slug + " on " + endpoint + ": "
                    + e.getMessage());
        }
        return ConfiguredResource.of(created, Map.of(ATTR_QUOTA_QPM, quota),
                List.of("ACL permissions of " + slug.redisUser() + " from the allow-list",
                        "tier quota " + quota + " queries/min in " + TenantAcl.metaKey(slug)));
    }

    /** The tag fields of the meta hash rewritten by the admin; the user, its password and the keys stay. */
    @Override
    public void rewriteTags(TenantResourceSpec spec, TagRewrite rewrite) throws ResourceException {
        Slug slug = spec.slug();
        try (Jedis admin = admin()) {
            marker.requireRewritable(rewrite, "redis: namespace " + slug.redisPrefix(), tags(meta(admin, slug)),
                    slug);
            if (rewrite.writes()) {
                admin.hset(TenantAcl.metaKey(slug), markerFields(spec));
            }
        } catch (JedisException e) {
            throw new ResourceException("redis: could not rewrite the tags of " + slug + " on " + endpoint + ": "
                    + e.getMessage());
        }
    }

    @Override
    public Optional<ResourceDescription> describe(Slug slug) throws ResourceException {
        try (Jedis admin = admin()) {
            AccessControlUser user = admin.aclGetUser(slug.redisUser());
            Map<String, String> meta = meta(admin, slug);
            if (user == null && meta.isEmpty() || !marker.describes(tags(meta), slug)) {
                return Optional.empty(); // an ACL user of that name without this registry's marker is not ours
            }
            String identifier = user != null ? slug.redisUser() : metaKeyHolding(admin, slug);
            return Optional.of(new ResourceDescription(ResourceKind.REDIS, slug.redisUser(), identifier, tags(meta)));
        } catch (JedisException e) {
            throw new ResourceException("redis: could not read ACL user " + slug.redisUser() + ": " + e.getMessage());
        }
    }

    /** Deletes the user, its keys and the meta hash only when they carry this registry's marker. */
    @Override
    public void destroy(Slug slug) throws ResourceException {
        try (Jedis admin = admin()) {
            if (!marker.mayDestroy("redis: ACL user " + slug.redisUser(), tags(meta(admin, slug)), slug)) {
                return;
            }
            // the user first (Redis disconnects its clients), then its data; the meta hash last, so a crash
            // half-way still leaves the marker the sweep finds
            admin.aclDelUser(slug.redisUser());
            String legacyMeta = TenantAcl.legacyMetaKey(slug);
            scan(admin, slug.redisPrefix() + "*", null, keys -> {
                keys.remove(legacyMeta);
                if (!keys.isEmpty()) {
                    admin.unlink(keys.toArray(String[]::new));
                }
            });
            admin.unlink(legacyMeta, TenantAcl.metaKey(slug));
        } catch (JedisException e) {
            throw new ResourceException("redis: could not delete ACL user and keys of " + slug + ": " + e.getMessage());
        }
    }

    @Override
    public List<ManagedResource> listManaged() throws ResourceException {
        List<ManagedResource> out = new ArrayList<>();
        try (Jedis admin = admin()) {
            // only what carries this registry's marker: another registry's t_* users are not this one's to sweep
            Set<String> slugsWithUser = new LinkedHashSet<>();
            for (String user : admin.aclUsers()) {
                if (user.startsWith(USER_PREFIX) && user.length() > USER_PREFIX.length()) {
                    String slug = user.substring(USER_PREFIX.length());
                    if (Slug.PATTERN.matcher(slug).matches() && marker.carries(tags(meta(admin, Slug.of(slug))))) {
                        slugsWithUser.add(slug);
                        out.add(new ManagedResource(ResourceKind.REDIS, user, slug));
                    }
                }
            }
            Set<String> slugsWithMeta = new LinkedHashSet<>();
            List<String> metaKeys = new ArrayList<>();
            scan(admin, TenantAcl.metaKeyPattern(), "hash", metaKeys::addAll);
            scan(admin, LEGACY_META_PATTERN, "hash", metaKeys::addAll);
            for (String key : metaKeys) {
                String slug = slugOfMeta(key);
                if (slug != null && Slug.PATTERN.matcher(slug).matches() && !slugsWithUser.contains(slug)
                        && marker.carries(tags(admin.hgetAll(key))) && slugsWithMeta.add(slug)) {
                    out.add(new ManagedResource(ResourceKind.REDIS, key, slug));
                }
            }
        } catch (JedisException e) {
            throw new ResourceException("redis: could not list tenant ACL users: " + e.getMessage());
        }
        return out;
    }

    /** The tenant user's passwords, for rotation: add, prove, revoke. */
    public AclPasswords passwords() {
        return new AclPasswords(endpoint, adminPassword);
    }

    /** The tags in a meta hash (fields {@code tag:<Name>}). */
    static Map<String, String> tags(Map<String, String> meta) {
        Map<String, String> tags = new LinkedHashMap<>();
        meta.forEach((field, value) -> {
            if (field.startsWith(TAG_FIELD_PREFIX)) {
                tags.put(field.substring(TAG_FIELD_PREFIX.length()), value);
            }
        });
        return tags;
    }

    /** The tenant's metadata hash, or an older tenant's inside its prefix when it has no other. */
    private static Map<String, String> meta(Jedis admin, Slug slug) {
        Map<String, String> meta = admin.hgetAll(TenantAcl.metaKey(slug));
        return meta.isEmpty() ? admin.hgetAll(TenantAcl.legacyMetaKey(slug)) : meta;
    }

    private static String metaKeyHolding(Jedis admin, Slug slug) {
        return admin.exists(TenantAcl.metaKey(slug)) ? TenantAcl.metaKey(slug) : TenantAcl.legacyMetaKey(slug);
    }

    /** The slug a metadata hash belongs to, from either place it can be; null when the key is neither. */
    private static String slugOfMeta(String key) {
        String slug = TenantAcl.slugOfMetaKey(key);
        if (slug == null && key.startsWith("t:") && key.endsWith(":meta")) {
            slug = key.substring(2, key.length() - ":meta".length());
        }
        return slug;
    }

    private Map<String, String> markerFields(TenantResourceSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        marker.stamp(spec.tags(), spec.slug()).forEach((k, v) -> fields.put(TAG_FIELD_PREFIX + k, v));
        return fields;
    }

    private static void scan(Jedis jedis, String match, String type, Consumer<List<String>> batch) {
        ScanParams params = new ScanParams().match(match).count(SCAN_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = type == null ? jedis.scan(cursor, params) : jedis.scan(cursor, params, type);
            if (!page.getResult().isEmpty()) {
                batch.accept(new ArrayList<>(page.getResult()));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private Jedis admin() {
        return endpoint.connect(null, adminPassword);
    }

    /** Redis echoes a rejected ACL rule in its error; never let that carry the password. */
    private static String scrub(String message, Secret password) {
        return message == null ? "" : message.replace(password.reveal(), "****");
    }
}
