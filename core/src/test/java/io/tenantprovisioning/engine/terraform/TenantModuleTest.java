package io.tenantprovisioning.engine.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.testing.InMemorySecretVault;
import io.tenantprovisioning.testing.TestTenants;
import io.tenantprovisioning.tier.Tier;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Choosing the root module and what it is given, without a binary. That the tfvars match what each
 * shipped root declares is {@link TerraformVariableContractTest}'s (read by OpenTofu itself).
 */
class TenantModuleTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent(); // tests run in core/
    private static final String DB_PASSWORD = "db-pass-only-in-the-environment";

    private final Settings settings = Settings.of(Map.of(Setting.REGISTRY_DB_PASSWORD, DB_PASSWORD,
            Setting.AWS_REGION, "ap-south-1", Setting.DATA_DIR, "/srv/tenantctl",
            Setting.S3_ENDPOINT, "http://127.0.0.1:5123", Setting.S3_ADMIN_ACCESS_KEY_ID, "admin",
            Setting.S3_ADMIN_SECRET_ACCESS_KEY, "s3-secret-value", Setting.GRAFANA_URL, "http://grafana.local",
            Setting.GRAFANA_TOKEN, "glsa_token_value"));
    private final Slug slug = Slug.of("acme-corp");

    @Test
    void theProviderFreeRootGetsTheTenantVariablesOnly() {
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, TenantModule.PROVIDER_FREE_DIR);

        assertThat(module.source().tree()).isEqualTo(REPOSITORY.resolve("terraform"));
        assertThat(module.source().rootModule()).isEqualTo("local");
        assertThat(module.platformVariables()).isEmpty();
        assertThat(module.providerEnvironment()).isEmpty();
        Map<String, Object> tfvars = module.variables(TestTenants.spec(slug, Tier.SILVER)).toTfvars();
        assertThat(tfvars).containsEntry("region", "ap-south-1").containsEntry("tier", "Silver");
    }

    @Test
    void theProvidersRootGetsPlatformVariablesAndCredentialsOnlyInTheEnvironment() {
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, TenantModule.PROVIDERS_DIR,
                EnumSet.allOf(RootPart.class), ProviderMirror.none());

        assertThat(module.source().rootModule()).isEqualTo("tenant");
        Map<String, Object> tfvars = module.variables(TestTenants.spec(slug, Tier.GOLD)).toTfvars();
        assertThat(tfvars).containsEntry("grafana_url", "http://grafana.local")
                .containsEntry("aws_endpoint", "http://127.0.0.1:5123")
                .containsEntry("postgres", Map.of("host", "127.0.0.1", "port", 5432, "database", "tenant_data",
                        "admin_user", "tenantctl_admin", "sslmode", "disable"))
                .containsEntry("postgres_connection_limit", 20);

        assertThat(module.providerEnvironment()).containsOnlyKeys("PGPASSWORD", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "GRAFANA_AUTH");
        assertThat(module.providerEnvironment().get("PGPASSWORD").reveal()).isEqualTo(DB_PASSWORD);
        String shown = module + " " + tfvars;
        assertThat(shown).doesNotContain(DB_PASSWORD, "s3-secret-value", "glsa_token_value");
    }

    @Test
    void theProvidersRootRefusesToStartWithoutGrafana() {
        Settings noGrafana = settings.with(Map.of(Setting.GRAFANA_URL, ""));
        assertThatThrownBy(() -> TenantModule.fromSettings(noGrafana, REPOSITORY, TenantModule.PROVIDERS_DIR,
                EnumSet.allOf(RootPart.class), ProviderMirror.none()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("GRAFANA_URL must be set");
        assertThatThrownBy(() -> TenantModule.fromSettings(settings, REPOSITORY, "terraform/nowhere"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void destroyVariablesAreDerivedFromTheSlugAndPassTheRootsRules() {
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, TenantModule.PROVIDER_FREE_DIR);
        Map<String, Object> tfvars = module.destroyVariables(slug).toTfvars();

        assertThat(tfvars).containsEntry("tenant_slug", "acme-corp").containsEntry("tier", "Bronze")
                .containsEntry("tags", new TreeMap<>(Map.of("TenantID", "acme-corp", "Tier", "Bronze",
                        "CostCenter", "CC_ACME_CORP", "ManagedBy", "tenantctl", "RequestId", "unknown")));
        assertThat(tfvars.get("names")).isEqualTo(module.variables(TestTenants.spec(slug, Tier.GOLD))
                .toTfvars().get("names"));
    }

    @Test
    void fromSettingsWorksUnderDataDirWithTheChosenRoot() {
        DirectEngine direct = new DirectEngine(List.of(), new InMemorySecretVault(), FailurePoints.none(),
                (ResourceKind kind, Slug s) -> s.value());

        TerraformEngine local = TerraformEngine.fromSettings(settings, REPOSITORY, direct, ProgressListener.silent());
        TerraformEngine tenant = TerraformEngine.fromSettings(settings, REPOSITORY, TenantModule.PROVIDERS_DIR, direct,
                ProgressListener.silent());

        assertThat(local.name()).isEqualTo("terraform");
        assertThat(local.workRoot()).isEqualTo(Path.of("/srv/tenantctl/terraform"));
        assertThat(local.module().source().rootModule()).isEqualTo("local");
        assertThat(tenant.module().source().rootModule()).isEqualTo("tenant");
    }
}
