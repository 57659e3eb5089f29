package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ManagedResource;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TenantFootprint;
import io.tenantprovisioning.testing.TestRequests;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue #15 item 2, against the real services: provisioning never takes over what this registry did not
 * create (an unmarked bucket named like the tenant's, an existing Redis user or PostgreSQL role
 * {@code t_<slug>}, an IAM user outside {@code /tenantctl/}), the rollback that follows the refusal leaves
 * it as it was, and a second registry (staging) on the same services neither lists, sweeps nor takes over
 * the first one's resources. Each squatter is made here as the services' admin, as anyone could.
 */
class RegistryOwnershipTest {

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener progress = (step, message) -> log.add(step + ": " + message);
    private final List<Slug> tenants = new ArrayList<>();
    private Settings settings;
    private TenantPlatform platform;
    private S3Client s3;
    private IamClient iam;
    private Jedis redis;

    @BeforeEach
    void open() {
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3"));
        platform = TenantPlatform.open(settings, progress);
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        s3 = S3Connection.fromSettings(settings).s3(admin);
        iam = S3Connection.fromSettings(settings).iam(admin);
        redis = new Jedis(new HostAndPort(settings.string(Setting.REDIS_HOST), settings.integer(Setting.REDIS_PORT)),
                DefaultJedisClientConfig.builder().password(settings.requiredSecret(Setting.REDIS_PASSWORD).reveal())
                        .build());
    }

    @AfterEach
    void close() {
        try {
            for (Slug slug : tenants) {
                TenantCleanup.finish(platform, slug);
            }
        } finally {
            platform.close();
            s3.close();
            iam.close();
            redis.close();
        }
    }

    @Test
    void anUnmarkedBucketNamedLikeTheTenantsIsRefusedAndSurvivesTheRollback() throws Exception {
        Slug slug = newSlug();
        String bucket = "tenant-" + slug.value();
        s3.createBucket(r -> r.bucket(bucket));
        try {
            s3.putObject(r -> r.bucket(bucket).key("precious.txt"), RequestBody.fromString("not the tenant's"));

            PipelineOutcome outcome = provision(slug);

            assertRolledBackNaming(outcome, slug, "bucket " + bucket);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("precious.txt")).asUtf8String())
                    .isEqualTo("not the tenant's");
            assertThat(bucketTagCount(bucket)).as("not re-tagged").isZero();
        } finally {
            s3.deleteObject(r -> r.bucket(bucket).key("precious.txt"));
            s3.deleteBucket(r -> r.bucket(bucket));
        }
        assertThat(iamUserExists(slug)).as("no tenant user was made or granted the bucket").isFalse();
    }

    @Test
    void anIamUserOutsideTenantctlsPathIsRefusedAndSurvivesTheRollback() throws Exception {
        Slug slug = newSlug();
        iam.createUser(r -> r.userName("tenant-" + slug.value()).path("/someone-else/"));
        try {
            PipelineOutcome outcome = provision(slug);

            assertRolledBackNaming(outcome, slug, "outside /tenantctl/");
            assertThat(iamUserExists(slug)).as("the refused user is not deleted by the rollback").isTrue();
            assertThat(iam.getUser(r -> r.userName("tenant-" + slug.value())).user().path()).isEqualTo("/someone-else/");
        } finally {
            iam.deleteUser(r -> r.userName("tenant-" + slug.value()));
        }
    }

    @Test
    void anExistingRedisUserIsNotResetAndSurvivesTheRollback() throws Exception {
        Slug slug = newSlug();
        String password = "squatter-" + System.nanoTime();
        redis.aclSetUser(slug.redisUser(), "on", ">" + password, "~squat:*", "+get", "+ping");
        try {
            PipelineOutcome outcome = provision(slug);

            assertRolledBackNaming(outcome, slug, "ACL user " + slug.redisUser());
            assertThat(redis.aclGetUser(slug.redisUser())).as("not deleted").isNotNull();
            assertThat(redis.aclGetUser(slug.redisUser()).getKeys()).as("not reset").contains("~squat:*");
            try (Jedis squatter = new Jedis(new HostAndPort(settings.string(Setting.REDIS_HOST),
                    settings.integer(Setting.REDIS_PORT)), DefaultJedisClientConfig.builder()
                    .user(slug.redisUser()).password(password).build())) {
                assertThat(squatter.ping()).as("its password still works").isEqualTo("PONG");
            }
        } finally {
            redis.aclDelUser(slug.redisUser());
        }
    }

    @Test
    void anExistingRoleIsNotRepasswordedAndSurvivesTheRollback() throws Exception {
        Slug slug = newSlug();
        String role = slug.sqlIdentifier();
        String password = "squatter" + System.nanoTime();
        AdminPostgres.execute("CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password + "'");
        try {
            PipelineOutcome outcome = provision(slug);

            assertRolledBackNaming(outcome, slug, "role " + role);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + settings.string(Setting.REGISTRY_DB_HOST)
                    + ":" + settings.string(Setting.REGISTRY_DB_PORT) + "/" + settings.string(Setting.TENANT_DB_NAME),
                    role, password)) {
                assertThat(c.isValid(5)).as("not dropped, not re-passworded").isTrue();
            }
        } finally {
            AdminPostgres.execute("DROP ROLE IF EXISTS \"" + role + "\"");
        }
    }

    @Test
    void aSecondRegistryNeitherListsNorSweepsNorTakesOverTheFirstsResources() throws Exception {
        Slug slug = newSlug();
        assertThat(provision(slug)).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        try (TenantFootprint footprint = new TenantFootprint(settings);
             ThrowawayRegistry stagingRegistry = ThrowawayRegistry.create()) {
            var before = footprint.of(slug);
            assertThat(before.keySet()).containsExactlyInAnyOrder(ResourceKind.values());
            Settings stagingSettings = settings.with(Map.of(Setting.REGISTRY_DB_SCHEMA, stagingRegistry.schema(),
                    Setting.DATA_DIR, dataDir.toString()));
            try (TenantPlatform staging = TenantPlatform.open(stagingSettings, progress)) {
                assertThat(staging.services().marker()).isNotEqualTo(platform.services().marker());
                for (ResourceDriver driver : staging.services().drivers()) {
                    assertThat(driver.listManaged()).extracting(ManagedResource::tenantSlug)
                            .as("staging's %s listing", driver.kind().stepName()).doesNotContain(slug.value());
                    assertThat(driver.describe(slug)).as("staging's %s", driver.kind().stepName()).isEmpty();
                }
                assertThat(staging.sweep(Optional.empty(), true, progress).found())
                        .extracting(ManagedResource::tenantSlug).doesNotContain(slug.value());
                assertThat(staging.sweep(Optional.of(slug), false, progress).removed()).isEmpty();

                PipelineOutcome takeover = staging.job().run(TestRequests.draft(slug, "bronze", 500_000, null),
                        "staging", EngineKind.DIRECT, progress);
                assertThat(takeover).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.RolledBack.class);
                assertThat(((PipelineOutcome.RolledBack) takeover).reason()).contains("another tenantctl registry");
            }
            assertThat(footprint.of(slug)).as("production's tenant after staging's sweep and rollback")
                    .isEqualTo(before);
        }
        assertThat(platform.validate(slug, progress).passed()).as(String.join("\n", log)).isTrue();
    }

    private PipelineOutcome provision(Slug slug) {
        tenants.add(slug);
        return platform.job().run(TestRequests.draft(slug, "bronze", 500_000, null), "ownership-test",
                EngineKind.DIRECT, progress);
    }

    private void assertRolledBackNaming(PipelineOutcome outcome, Slug slug, String refused) {
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.RolledBack.class);
        PipelineOutcome.RolledBack rolledBack = (PipelineOutcome.RolledBack) outcome;
        assertThat(rolledBack.reason()).contains(refused).contains("nothing was changed");
        assertThat(rolledBack.survivors()).as("the squatter is not this tenant's: no survivor").isEmpty();
        assertThat(platform.services().registry().tenants().require(slug).state()).isEqualTo(TenantState.ROLLED_BACK);
    }

    private int bucketTagCount(String bucket) {
        try {
            return s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().size();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
            return 0;
        }
    }

    private boolean iamUserExists(Slug slug) {
        try {
            iam.getUser(r -> r.userName("tenant-" + slug.value()));
            return true;
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException absent) {
            return false;
        }
    }

    private static Slug newSlug() {
        return TestServices.uniqueSlug("own");
    }
}
