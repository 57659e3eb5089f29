package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What of one tenant exists on the services, read as their admin and never through the product's
 * drivers: the PostgreSQL catalog, Redis ACL and keyspace, the S3 bucket and IAM user, the folders of
 * the embedded backends, and the vault's rows. Rollback tests compare it before and after.
 */
public final class TenantFootprint implements AutoCloseable {

    private final Settings settings;
    private final Jedis redis;
    private final S3Client s3;
    private final IamClient iam;

    public TenantFootprint(Settings settings) {
        this.settings = settings;
        this.redis = new Jedis(new HostAndPort(settings.string(Setting.REDIS_HOST), settings.integer(Setting.REDIS_PORT)),
                DefaultJedisClientConfig.builder().password(settings.requiredSecret(Setting.REDIS_PASSWORD).reveal())
                        .build());
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        S3Connection connection = S3Connection.fromSettings(settings);
        this.s3 = connection.s3(admin);
        this.iam = connection.iam(admin);
    }

    /** Everything of the tenant found on the services, by kind; no key at all means nothing of that kind. */
    public Map<ResourceKind, List<String>> of(Slug slug) throws SQLException {
        Map<ResourceKind, List<String>> found = new EnumMap<>(ResourceKind.class);
        postgres(slug, found);
        redis(slug, found);
        objectStore(slug, found);
        file(found, ResourceKind.VECTOR, "lucene index", settings.dir(Setting.VECTOR_DATA_DIR, "vectors")
                .resolve(slug.qualifiedName()));
        String monitoringFile = slug.qualifiedName() + ".json";
        file(found, ResourceKind.MONITORING, "prometheus target", settings.dir(Setting.PROMETHEUS_FILE_SD_DIR,
                "prometheus-targets").resolve(monitoringFile));
        file(found, ResourceKind.MONITORING, "dashboard", settings.dir(Setting.GRAFANA_DASHBOARD_DIR, "dashboards")
                .resolve(monitoringFile));
        vault(slug, found);
        return found;
    }

    private void postgres(Slug slug, Map<ResourceKind, List<String>> found) throws SQLException {
        String name = slug.sqlIdentifier();
        try (Connection c = AdminPostgres.connect()) {
            if (exists(c, "select 1 from pg_namespace where nspname = ?", name)) {
                add(found, ResourceKind.POSTGRES, "schema " + name);
            }
            if (exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                add(found, ResourceKind.POSTGRES, "role " + name);
            }
        }
    }

    private void redis(Slug slug, Map<ResourceKind, List<String>> found) {
        if (redis.aclUsers().contains(slug.redisUser())) {
            add(found, ResourceKind.REDIS, "ACL user " + slug.redisUser());
        }
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(slug.redisPrefix() + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        keys.forEach(k -> add(found, ResourceKind.REDIS, "key " + k));
    }

    private void objectStore(Slug slug, Map<ResourceKind, List<String>> found) {
        String bucket = slug.bucketName(settings.string(Setting.BUCKET_PREFIX));
        file(found, ResourceKind.OBJECT_STORE, "bucket folder", settings.dir(Setting.OBJECT_STORE_DIR, "buckets")
                .resolve(bucket));
        try {
            s3.headBucket(r -> r.bucket(bucket));
            add(found, ResourceKind.OBJECT_STORE, "s3 bucket " + bucket);
        } catch (NoSuchBucketException e) {
            // gone
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        String user = slug.qualifiedName();
        try {
            iam.getUser(r -> r.userName(user));
            add(found, ResourceKind.OBJECT_STORE, "iam user " + user);
        } catch (NoSuchEntityException e) {
            // gone
        }
    }

    /** Vault rows are named {@code <kind step name>.<secret>}: each counts for its kind. */
    private void vault(Slug slug, Map<ResourceKind, List<String>> found) throws SQLException {
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("select name from \"" + settings.string(Setting.REGISTRY_DB_SCHEMA)
                     + "\".tenant_secrets where slug = ? order by name")) {
            ps.setString(1, slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    ResourceKind kind = Arrays.stream(ResourceKind.values())
                            .filter(k -> name.startsWith(k.stepName() + ".")).findFirst()
                            .orElseThrow(() -> new AssertionError("vault secret of unknown kind: " + name));
                    add(found, kind, "vault secret " + name);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void file(Map<ResourceKind, List<String>> found, ResourceKind kind, String what, Path path) {
        if (Files.exists(path)) {
            add(found, kind, what + " " + path);
        }
    }

    private static void add(Map<ResourceKind, List<String>> found, ResourceKind kind, String what) {
        found.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
    }

    @Override
    public void close() {
        redis.close();
        s3.close();
        iam.close();
    }
}
