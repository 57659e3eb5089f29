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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Choosing the root module and what it is given, without a binary: the tfvars tenantctl writes must be
 * exactly the variables each shipped root declares (every required one given, none undeclared).
 */
class TenantModuleTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent(); // tests run in core/
    private static final String DB_PASSWORD = "db-pass-only-in-the-environment";
    private static final Pattern VARIABLE = Pattern.compile("(?m)^variable \"(\\w+)\" \\{");

    private final Settings settings = Settings.of(Map.of(Setting.REGISTRY_DB_PASSWORD, DB_PASSWORD,
            Setting.AWS_REGION, "ap-south-1", Setting.DATA_DIR, "/srv/tenantctl",
            Setting.S3_ENDPOINT, "http://127.0.0.1:5123", Setting.S3_ADMIN_ACCESS_KEY_ID, "admin",
            Setting.S3_ADMIN_SECRET_ACCESS_KEY, "s3-secret-value", Setting.GRAFANA_URL, "http://grafana.local",
            Setting.GRAFANA_TOKEN, "glsa_token_value"));
    private final Slug slug = Slug.of("acme-corp");

    @Test
    void theProviderFreeRootGetsTheTenantVariablesOnly() throws Exception {
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, TenantModule.PROVIDER_FREE_DIR);

        assertThat(module.source().tree()).isEqualTo(REPOSITORY.resolve("terraform"));
        assertThat(module.source().rootModule()).isEqualTo("local");
        assertThat(module.platformVariables()).isEmpty();
        assertThat(module.providerEnvironment()).isEmpty();
        Map<String, Object> tfvars = module.variables(TestTenants.spec(slug, Tier.SILVER)).toTfvars();
        assertThat(tfvars).containsEntry("region", "ap-south-1").containsEntry("tier", "Silver");
        assertThat(tfvars.keySet()).containsExactlyInAnyOrderElementsOf(declared("local").keySet());
    }

    @Test
    void theProvidersRootGetsPlatformVariablesAndCredentialsOnlyInTheEnvironment() throws Exception {
        TenantModule module = TenantModule.fromSettings(settings, REPOSITORY, TenantModule.PROVIDERS_DIR);

        assertThat(module.source().rootModule()).isEqualTo("tenant");
        Map<String, Object> tfvars = module.variables(TestTenants.spec(slug, Tier.GOLD)).toTfvars();
        assertThat(tfvars).containsEntry("grafana_url", "http://grafana.local")
                .containsEntry("aws_endpoint", "http://127.0.0.1:5123")
                .containsEntry("postgres", Map.of("host", "127.0.0.1", "port", 5432, "database", "tenant_data",
                        "admin_user", "tenantctl_admin", "sslmode", "disable"));
        Map<String, Boolean> declared = declared("tenant");
        assertThat(declared).containsKeys(tfvars.keySet().toArray(String[]::new));
        declared.forEach((name, optional) -> assertThat(optional || tfvars.containsKey(name))
                .as("required variable " + name + " is given").isTrue());

        assertThat(module.providerEnvironment()).containsOnlyKeys("PGPASSWORD", "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "GRAFANA_AUTH");
        assertThat(module.providerEnvironment().get("PGPASSWORD").reveal()).isEqualTo(DB_PASSWORD);
        String shown = module + " " + tfvars;
        assertThat(shown).doesNotContain(DB_PASSWORD, "s3-secret-value", "glsa_token_value");
    }

    @Test
    void theProvidersRootRefusesToStartWithoutGrafana() {
        Settings noGrafana = settings.with(Map.of(Setting.GRAFANA_URL, ""));
        assertThatThrownBy(() -> TenantModule.fromSettings(noGrafana, REPOSITORY, TenantModule.PROVIDERS_DIR))
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

    /** The root's variables by name: true when the variable has a default (may be omitted). */
    private static Map<String, Boolean> declared(String root) throws Exception {
        String text = Files.readString(REPOSITORY.resolve("terraform").resolve(root).resolve("variables.tf"));
        Map<String, Boolean> variables = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            String block = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            variables.put(names.get(i), block.contains("\n  default "));
        }
        return variables;
    }
}
