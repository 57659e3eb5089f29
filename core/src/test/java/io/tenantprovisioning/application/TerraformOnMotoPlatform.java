package io.tenantprovisioning.application;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.terraform.ProviderMirror;
import io.tenantprovisioning.engine.terraform.TenantModule;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.resource.objectstore.S3Connection;
import io.tenantprovisioning.testing.TestServices;
import io.tenantprovisioning.testing.ThrowawayRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A platform on the real root ({@value TenantModule#PROVIDERS_DIR}) with S3 on moto, on a throwaway registry,
 * plus the admin's S3 and IAM clients to make squatters with: what the takeover-guard tests share. Skips the
 * test, saying why, when the mirror does not hold hashicorp/aws.
 */
final class TerraformOnMotoPlatform implements AutoCloseable {

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final Settings settings;
    final TenantPlatform platform;
    final S3Client s3;
    final IamClient iam;
    private final ThrowawayRegistry throwaway;

    TerraformOnMotoPlatform(Path dataDir) {
        assumeTrue(ProviderMirror.fromSettings(TestServices.settings()).holds("hashicorp/aws"),
                "no hashicorp/aws provider mirror (run scripts/provider-mirror.sh build; .ci/run does)");
        throwaway = ThrowawayRegistry.create();
        settings = TestServices.settingsIn(dataDir, Map.of(Setting.OBJECT_STORE, "s3",
                Setting.TERRAFORM_MODULE_DIR, TenantModule.PROVIDERS_DIR,
                Setting.REGISTRY_DB_SCHEMA, throwaway.schema()));
        platform = TenantPlatform.open(settings, progress());
        StaticCredentialsProvider admin = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                settings.string(Setting.S3_ADMIN_ACCESS_KEY_ID),
                settings.requiredSecret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).reveal()));
        s3 = S3Connection.fromSettings(settings).s3(admin);
        iam = S3Connection.fromSettings(settings).iam(admin);
    }

    /** Every event into {@link #log}, which the tests quote when an assertion fails. */
    ProgressListener progress() {
        return (step, message) -> log.add(step + ": " + message);
    }

    String bucketOf(io.tenantprovisioning.request.Slug slug) {
        return settings.string(Setting.BUCKET_PREFIX) + "-" + slug.value();
    }

    @Override
    public void close() throws Exception {
        try (ThrowawayRegistry registry = throwaway; S3Client s3Client = s3; IamClient iamClient = iam) {
            platform.close();
        }
    }
}
