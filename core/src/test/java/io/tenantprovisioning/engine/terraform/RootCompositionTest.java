package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant's root is composed of the parts whose providers the mirror holds and whose backends the
 * deployment uses; nothing else is in its copy, so {@code tofu init} never needs a provider it cannot have.
 */
class RootCompositionTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent(); // tests run in core/

    @TempDir
    Path tmp;

    private final Settings s3 = Settings.of(Map.of(Setting.REGISTRY_DB_PASSWORD, "db-pass", Setting.OBJECT_STORE, "s3",
            Setting.S3_ENDPOINT, "http://127.0.0.1:5123", Setting.S3_ADMIN_ACCESS_KEY_ID, "admin",
            Setting.S3_ADMIN_SECRET_ACCESS_KEY, "s3-secret-value", Setting.AWS_REGION, "us-east-1"));

    /** A filesystem mirror holding {@code source} at {@code version}, and the CLI configuration naming it. */
    private Path mirrorWith(String source, String version) throws Exception {
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve(ProviderMirror.REGISTRY_HOST).resolve(source).resolve(version)
                .resolve("linux_amd64"));
        return Files.writeString(tmp.resolve("cli.tfrc"), "provider_installation {\n  filesystem_mirror {\n"
                + "    path    = \"" + mirror + "\"\n    include = [\"registry.opentofu.org/" + source + "\"]\n  }\n}\n");
    }

    @Test
    void theMirrorNamedInTheCliConfigurationSaysWhichProvidersAreInstalled() throws Exception {
        Path config = mirrorWith("hashicorp/aws", "6.48.0-dev.20260602");
        ProviderMirror mirror = ProviderMirror.fromSettings(s3.with(Map.of(Setting.TERRAFORM_CLI_CONFIG, config.toString())));

        assertThat(mirror.versions()).containsExactly(Map.entry("hashicorp/aws", "6.48.0-dev.20260602"));
        assertThat(mirror.environment()).containsExactly(Map.entry("TF_CLI_CONFIG_FILE", config.toString()));
        assertThatThrownBy(() -> ProviderMirror.fromSettings(s3.with(Map.of(Setting.TERRAFORM_CLI_CONFIG,
                tmp.resolve("missing.tfrc").toString())))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void onlyTheObjectStorePartIsComposedWhereOnlyTheAwsProviderIsInstalled() throws Exception {
        ProviderMirror mirror = ProviderMirror.read(mirrorWith("hashicorp/aws", "6.48.0-dev.20260602"));

        assertThat(RootPart.servable(s3, mirror)).containsExactly(RootPart.OBJECT_STORE);
        assertThat(RootPart.servable(s3.with(Map.of(Setting.OBJECT_STORE, "filesystem")), mirror))
                .as("the deployment keeps objects on the filesystem: no bucket for Terraform to make").isEmpty();
        assertThat(RootPart.servable(s3, ProviderMirror.none())).as("no provider installed").isEmpty();

        TenantModule module = TenantModule.fromSettings(s3, REPOSITORY, TenantModule.PROVIDERS_DIR,
                RootPart.servable(s3, mirror), mirror);
        assertThat(module.terraformCreates()).containsExactly(ResourceKind.OBJECT_STORE);
        assertThat(module.platformVariables()).containsOnlyKeys("aws_endpoint");
        assertThat(module.providerEnvironment()).containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(module.source().parts()).containsExactly("object_store");
        assertThat(module.source().providerPins()).containsExactly(Map.entry("hashicorp/aws", "6.48.0-dev.20260602"));
    }

    @Test
    void theTenantsCopyHoldsTheComposedPartsAndTheExactPinOnly() throws Exception {
        ProviderMirror mirror = ProviderMirror.read(mirrorWith("hashicorp/aws", "6.48.0-dev.20260602"));
        TenantModule module = TenantModule.fromSettings(s3, REPOSITORY, TenantModule.PROVIDERS_DIR,
                Set.of(RootPart.OBJECT_STORE), mirror);
        Slug slug = Slug.of("acme-corp");

        TenantWorkspace ws = TenantWorkspace.prepare(tmp.resolve("work"), module.source(),
                module.variables(TestTenants.spec(slug, Tier.SILVER)), new PgBackend("127.0.0.1", 5432, "db", "user",
                        io.tenantprovisioning.config.Secret.of("pw"), "s", "disable"));

        try (var files = Files.list(ws.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tf") || n.endsWith(".json")))
                    .containsExactlyInAnyOrder("versions.tf", "variables.tf", "outputs.tf", "object_store_main.tf",
                            "object_store_variables.tf", "object_store_outputs.tf", TenantWorkspace.TFVARS_FILE,
                            TenantWorkspace.BACKEND_OVERRIDE_FILE, TenantWorkspace.PINS_OVERRIDE_FILE);
        }
        assertThat(Files.readString(ws.dir().resolve(TenantWorkspace.PINS_OVERRIDE_FILE)))
                .contains("\"source\" : \"hashicorp/aws\"").contains("\"version\" : \"= 6.48.0-dev.20260602\"");
        assertThat(Files.readString(ws.dir().resolve(TenantWorkspace.TFVARS_FILE)))
                .contains("aws_endpoint").doesNotContain("grafana_url", "\"postgres\"", "s3-secret-value", "db-pass");
    }
}
