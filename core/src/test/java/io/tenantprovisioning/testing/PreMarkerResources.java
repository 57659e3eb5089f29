package io.tenantprovisioning.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.rag.MiniLmEmbedder;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.objectstore.BucketSidecar;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.redis.TenantAcl;
import io.tenantprovisioning.resource.vector.LuceneVectorStore;
import io.tenantprovisioning.resource.vector.NamespaceDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Turns a provisioned tenant's resources into what a tenantctl from before registry markers left: tenantctl's
 * tags ({@code ManagedBy}, {@code TenantID}, tier, cost center) without {@code TenantctlRegistry}, written as
 * the services' admin on every service (PostgreSQL's tag table, Redis' meta hash, the S3 bucket and IAM user
 * on moto, the Lucene namespace's commit data, the Prometheus target and the dashboard file). The signing key
 * lives in the registry's own vault, which needs no marker to prove it.
 */
public final class PreMarkerResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreMarkerResources() {
    }

    public static void strip(Settings settings, Slug slug) throws Exception {
        postgres(slug);
        redis(settings, slug);
        if ("s3".equals(settings.string(Setting.OBJECT_STORE))) {
            objectStore(settings, slug, Map.of());
        } else {
            bucketDirectory(settings, slug);
        }
        vector(settings, slug);
        monitoring(settings, slug);
    }

    /** The bucket's and user's tags, marker removed and {@code overrides} put over them (a forged tenant). */
    public static void objectStore(Settings settings, Slug slug, Map<String, String> overrides) {
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        String bucket = "tenant-" + slug.value();
        try (S3Client s3 = S3Connection.fromSettings(settings).s3(admin);
             IamClient iam = S3Connection.fromSettings(settings).iam(admin)) {
            Map<String, String> tags = s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value));
            tags.remove(OwnershipMarker.REGISTRY_TAG);
            tags.putAll(overrides);
            s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
            iam.untagUser(r -> r.userName("tenant-" + slug.value()).tagKeys(OwnershipMarker.REGISTRY_TAG));
        }
    }

    /** The filesystem store's sidecar: the tags beside the bucket directory. */
    private static void bucketDirectory(Settings settings, Slug slug) throws IOException {
        Path dir = settings.dir(Setting.OBJECT_STORE_DIR, "buckets").resolve("tenant-" + slug.value());
        BucketSidecar sidecar = BucketSidecar.read(dir).orElseThrow();
        Map<String, String> tags = new HashMap<>(sidecar.tags());
        tags.remove(OwnershipMarker.REGISTRY_TAG);
        sidecar.withTags(tags).write(dir);
    }

    private static void postgres(Slug slug) throws SQLException {
        try (Connection c = AdminPostgres.connect(); PreparedStatement ps = c.prepareStatement(
                "update tenantctl.schema_tags set tags = tags - ? where schema_name = ?")) {
            ps.setString(1, OwnershipMarker.REGISTRY_TAG);
            ps.setString(2, slug.sqlIdentifier());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no tag row for schema " + slug.sqlIdentifier());
            }
        }
    }

    private static void redis(Settings settings, Slug slug) {
        try (Jedis admin = new Jedis(new HostAndPort(settings.string(Setting.REDIS_HOST),
                settings.integer(Setting.REDIS_PORT)), DefaultJedisClientConfig.builder()
                .password(settings.requiredSecret(Setting.REDIS_PASSWORD).reveal()).build())) {
            if (admin.hdel(TenantAcl.metaKey(slug), RedisNamespaceDriver.TAG_FIELD_PREFIX
                    + OwnershipMarker.REGISTRY_TAG) != 1) {
                throw new IllegalStateException("no marker field in " + TenantAcl.metaKey(slug));
            }
        }
    }

    private static void vector(Settings settings, Slug slug) throws Exception {
        LuceneVectorStore store = new LuceneVectorStore(settings.dir(Setting.VECTOR_DATA_DIR, "vectors"),
                MiniLmEmbedder.DIMENSIONS);
        NamespaceDescription ns = store.describe(slug).orElseThrow();
        Map<String, String> tags = new HashMap<>(ns.tags());
        tags.remove(OwnershipMarker.REGISTRY_TAG);
        store.createNamespace(slug, tags);
    }

    private static void monitoring(Settings settings, Slug slug) throws IOException {
        Path target = settings.dir(Setting.PROMETHEUS_FILE_SD_DIR, "prometheus-targets")
                .resolve(MonitoringDriver.fileName(slug));
        ArrayNode groups = (ArrayNode) JSON.readTree(target.toFile());
        groups.forEach(g -> ((ObjectNode) g.path("labels")).remove("tenantctl_registry"));
        Files.writeString(target, JSON.writeValueAsString(groups));
        Path dashboard = settings.dir(Setting.GRAFANA_DASHBOARD_DIR, "dashboards").resolve(MonitoringDriver.fileName(slug));
        ObjectNode model = (ObjectNode) JSON.readTree(dashboard.toFile());
        ArrayNode kept = JSON.createArrayNode();
        model.path("tags").forEach(t -> {
            if (!t.asText().startsWith(OwnershipMarker.REGISTRY_TAG + ":")) {
                kept.add(t);
            }
        });
        model.set("tags", kept);
        Files.writeString(dashboard, JSON.writeValueAsString(model));
    }
}
