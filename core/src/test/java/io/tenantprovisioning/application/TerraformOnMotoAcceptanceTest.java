package io.tenantprovisioning.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.StateEncryption;
import io.tenantprovisioning.engine.terraform.TenantModule;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceDescription;
import io.tenantprovisioning.resource.OwnershipMarker;
import io.tenantprovisioning.validation.CheckOutcome;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.objectstore.PolicyDocuments;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import io.tenantprovisioning.testing.AdminPostgres;
import io.tenantprovisioning.testing.TenantCleanup;
import io.tenantprovisioning.testing.TestServices;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terraform engine for real: the real OpenTofu binary with the hashicorp/aws provider from the
 * filesystem mirror ({@code scripts/provider-mirror.sh build}) applies the tenant's root composed of
 * {@code parts/object_store} on the local moto S3/IAM (IAM enforcement on), state on the pg backend,
 * encrypted; the drivers configure the rest; validation runs all eight checks; rollback destroys to zero.
 * Skipped, saying why, where the mirror is absent (the default build does not need it; {@code .ci/run}
 * builds it first).
 */
@Tag("terraform-acceptance")
class TerraformOnMotoAcceptanceTest {

    /** No bucket policy against an S3 endpoint (moto ignores its condition), as with the direct engine. */
    private static final List<String> OBJECT_STORE_ADDRESSES = List.of(
            "module.object_store.aws_iam_access_key.tenant", "module.object_store.aws_iam_user.tenant",
            "module.object_store.aws_iam_user_policy.tenant", "module.object_store.aws_s3_bucket.tenant",
            "module.object_store.aws_s3_bucket_ownership_controls.tenant",
            "module.object_store.aws_s3_bucket_public_access_block.tenant",
            "module.object_store.aws_s3_bucket_server_side_encryption_configuration.tenant");

    @TempDir
    Path dataDir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Settings settings;
    private TenantPlatform platform;
    private TerraformEngine engine;
    private final List<Slug> touched = new ArrayList<>();

    @BeforeEach
    void open() {
        Settings base = TestServices.settings();
        assumeTrue(ProviderMirror.fromSettings(base).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3",
                Setting.TERRAFORM_MODULE_DIR, TenantModule.PROVIDERS_DIR));
        platform = TenantPlatform.open(settings, listener());
        engine = TerraformEngine.fromSettings(settings, repositoryRoot(), TenantModule.PROVIDERS_DIR,
                platform.services().directEngine(), listener());
        assertThat(engine.module().terraformCreates()).containsExactly(ResourceKind.OBJECT_STORE);
    }

    @AfterEach
    void close() {
        if (platform == null) {
            return;
        }
        for (Slug slug : touched) {
            try {
                TenantCleanup.finish(platform, slug); // whatever state a failed test left it in: nothing stays
            } catch (RuntimeException e) {
                log.add("cleanup " + slug + ": " + e.getMessage());
            }
        }
        platform.close();
        List<Secret> secrets = List.of(settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY),
                settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD));
        for (Secret secret : secrets) {
            assertThat(log).noneMatch(line -> line.contains(secret.reveal()));
        }
    }

    private ProgressListener listener() {
        return (step, message) -> log.add(step + ": " + message);
    }

    private Slug slug(String prefix) {
        Slug slug = TestServices.uniqueSlug(prefix);
        touched.add(slug);
        return slug;
    }

    /** A Silver request in eu-west-1: not the deployment's AWS_REGION, so residency shows. */
    private static RequestDraft silver(Slug slug) {
        return new RequestDraft(slug.value(), "silver", "eu-west-1", "500000", "owner@tf.example", "INTERNAL",
                "NONE", false, null, null);
    }

    /** The bucket's region as S3 reports it (GetBucketLocation), asked with the admin credentials. */
    private String bucketRegion(String bucket) {
        try (var s3 = S3Connection.fromSettings(settings).s3(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal())))) {
            return s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
        }
    }

    @Test
    void aSilverTenantIsAppliedOnMotoEncryptedReplansEmptyAndRollsBackToZero() throws Exception {
        Slug slug = slug("tfmoto");
        PipelineOutcome outcome = platform.job().run(silver(slug), "test", EngineKind.TERRAFORM, listener());

        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        PipelineOutcome.Activated active = (PipelineOutcome.Activated) outcome;
        assertThat(active.report().passed()).isTrue();
        assertThat(active.report().results()).hasSize(8);
        assertThat(active.report().results()).filteredOn(r -> r.checkId().equals("object-storage-permissions"))
                .singleElement().extracting(r -> r.outcome()).as("the key Terraform issued works on its bucket")
                .isInstanceOf(CheckOutcome.Passed.class);
        assertThat(managed(engine.stateList(slug, listener()))).containsExactlyInAnyOrderElementsOf(OBJECT_STORE_ADDRESSES);
        ResourceDescription bucket = objectStore().describe(slug).orElseThrow();
        String registry = platform.services().marker().registry().toString();
        assertThat(bucket.tags()).containsEntry("TenantID", slug.value()).containsEntry("Tier", "Silver")
                .containsEntry("ManagedBy", "tenantctl").containsEntry(OwnershipMarker.REGISTRY_TAG, registry)
                .containsKey("CostCenter").containsKey("RequestId");
        try (IamClient iam = adminIam()) {
            String user = slug.qualifiedName();
            assertThat(iam.getUser(r -> r.userName(user)).user().path()).isEqualTo("/tenantctl/");
            assertThat(iam.listUserTags(r -> r.userName(user)).tags()).extracting(t -> t.key() + "=" + t.value())
                    .contains("TenantID=" + slug.value(), "Tier=Silver", "ManagedBy=tenantctl",
                            OwnershipMarker.REGISTRY_TAG + "=" + registry);
            assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames())
                    .as("one inline policy, named as the direct engine names it").containsExactly("tenant-bucket-access");
            String policy = URLDecoder.decode(iam.getUserPolicy(r -> r.userName(user)
                    .policyName("tenant-bucket-access")).policyDocument(), StandardCharsets.UTF_8);
            assertThat(statements(policy)).as("the tenant key's policy: the direct engine's, object actions on its"
                    + " own bucket only").isEqualTo(statements(PolicyDocuments.tenantIdentityPolicy(bucket.name())));
        }
        assertThat(bucketRegion(bucket.name())).as("residency: the request's region").isEqualTo("eu-west-1");
        assertThat(settings.string(Setting.AWS_REGION)).isNotEqualTo("eu-west-1");
        assertThat(engine.drift(slug, listener())).as("a plan right after apply").isEmpty();

        String state = storedState(slug);
        Secret tenantKey = platform.services().vault().all(slug).entrySet().stream()
                .filter(e -> e.getKey().toLowerCase().contains("secret")).map(Map.Entry::getValue).findFirst()
                .orElseThrow();
        assertThat(state).doesNotContain(tenantKey.reveal(), settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD)
                .reveal(), "\"resources\"", "aws_iam_access_key", bucket.name());
        JsonNode envelope = new ObjectMapper().readTree(state);
        assertThat(envelope.has("encrypted_data")).as("OpenTofu's encrypted state envelope").isTrue();

        assertThat(platform.offboard(slug, listener()).complete()).as(String.join("\n", log)).isTrue();
        assertNothingLeft(slug);
    }

    @Test
    void aWrongStateKeyIsAClearErrorAndChangesNothing() throws Exception {
        Slug slug = slug("tfkey");
        PipelineOutcome outcome = platform.job().run(silver(slug), "test", EngineKind.TERRAFORM, listener());
        assertThat(outcome).as(String.join("\n", log)).isInstanceOf(PipelineOutcome.Activated.class);
        String before = storedState(slug);
        Secret right = platform.services().vault().get(slug, StateEncryption.VAULT_NAME).orElseThrow();

        platform.services().vault().put(slug, StateEncryption.VAULT_NAME, Secret.of("not-the-tenants-state-key-000"));
        try {
            assertThatThrownBy(() -> engine.stateList(slug, listener())).hasMessageContaining("decrypt");
            assertThat(storedState(slug)).isEqualTo(before);
            assertThat(objectStore().describe(slug)).isPresent();
        } finally {
            platform.services().vault().put(slug, StateEncryption.VAULT_NAME, right); // cleanup destroys with it
        }
        assertThat(managed(engine.stateList(slug, listener()))).hasSize(OBJECT_STORE_ADDRESSES.size());

        assertThat(platform.offboard(slug, listener()).complete()).as(String.join("\n", log)).isTrue();
        assertNothingLeft(slug);
    }

    /** The managed resources of a state list (its data sources are read, not created). */
    private static List<String> managed(List<String> addresses) {
        return addresses.stream().filter(a -> !a.contains(".data.") && !a.startsWith("data.")).toList();
    }

    private IamClient adminIam() {
        return S3Connection.fromSettings(settings).iam(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal())));
    }

    /**
     * A policy's statements as "Sid Effect actions resources", actions and resources sorted: a string or a
     * one-element list, and the order within a list, mean the same to IAM.
     */
    private static Set<String> statements(String policy) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode st : new ObjectMapper().readTree(policy).path("Statement")) {
            out.add(st.path("Sid").asText() + " " + st.path("Effect").asText() + " " + sorted(st.path("Action"))
                    + " " + sorted(st.path("Resource")));
        }
        return out;
    }

    private static List<String> sorted(JsonNode stringOrList) {
        List<String> values = new ArrayList<>();
        if (stringOrList.isArray()) {
            stringOrList.forEach(v -> values.add(v.asText()));
        } else {
            values.add(stringOrList.asText());
        }
        Collections.sort(values);
        return values;
    }

    private ResourceDriver objectStore() {
        return platform.services().drivers().stream().filter(d -> d.kind() == ResourceKind.OBJECT_STORE)
                .findFirst().orElseThrow();
    }

    private void assertNothingLeft(Slug slug) throws Exception {
        for (ResourceDriver driver : platform.services().drivers()) {
            assertThat(driver.describe(slug)).as(driver.kind().stepName()).isEmpty();
            assertThat(driver.listManaged()).noneMatch(r -> r.tenantSlug().equals(slug.value()));
        }
        assertThat(stateRow(slug)).as("terraform workspace row").isEmpty();
        assertThat(platform.services().vault().all(slug)).isEmpty();
    }

    /** The tenant's state as the pg backend stores it, read with the admin role. */
    private String storedState(Slug slug) throws Exception {
        return stateRow(slug).orElseThrow(() -> new AssertionError("no state row for t-" + slug));
    }

    private Optional<String> stateRow(Slug slug) throws Exception {
        try (Connection c = AdminPostgres.connect(settings.string(Setting.REGISTRY_DB_NAME));
             PreparedStatement ps = c.prepareStatement("SELECT data FROM terraform_state.states WHERE name = ?")) {
            ps.setString(1, "t-" + slug.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent(); // tests run in core/
    }
}
