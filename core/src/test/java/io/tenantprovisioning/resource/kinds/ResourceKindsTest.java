package io.tenantprovisioning.resource.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import io.tenantprovisioning.resource.TerraformRoot;
import io.tenantprovisioning.resource.monitoring.MonitoringDriver;
import io.tenantprovisioning.resource.objectstore.BucketNaming;
import io.tenantprovisioning.resource.objectstore.TenantObjectCredentials;
import io.tenantprovisioning.resource.postgres.PostgresSchemaDriver;
import io.tenantprovisioning.resource.redis.RedisNamespaceDriver;
import io.tenantprovisioning.resource.signingkey.SigningKeyDriver;
import io.tenantprovisioning.resource.vector.VectorNamespaceDriver;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each kind module's naming and Terraform mapping, without a service: one test per kind, then what must
 * hold across them (the driver uses the kind's name, attribute keys carry the kind's prefix, roots
 * create exactly the kinds the architecture says).
 */
class ResourceKindsTest {

    private static final Slug SLUG = Slug.of("acme-corp");
    private final ResourceKinds kinds = ResourceKinds.withBucketPrefix("tenant");

    @Test
    void postgresIsTheSchemaAndRoleThatTerraformTenantCreatesWithItsPassword() {
        ResourceKindModule postgres = kinds.module(ResourceKind.POSTGRES);

        assertThat(postgres.name(SLUG)).isEqualTo("t_acme_corp").isEqualTo(PostgresSchemaDriver.nameOf(SLUG).name());
        assertThat(postgres.terraformNames(SLUG)).isEqualTo(Map.of("sql_identifier", "t_acme_corp"));
        TerraformMapping tf = postgres.terraform();
        assertThat(tf.outputs()).containsExactly(
                OutputBinding.attribute("postgres_schema", PostgresSchemaDriver.ATTR_SCHEMA),
                OutputBinding.attribute("postgres_role", PostgresSchemaDriver.ATTR_ROLE),
                OutputBinding.attribute("postgres_database", PostgresSchemaDriver.ATTR_DATABASE),
                OutputBinding.secret("postgres_password", PostgresSchemaDriver.SECRET_PASSWORD));
        assertThat(tf.nameOutput()).contains("postgres_schema");
        assertThat(tf.createdBy()).containsExactly(TerraformRoot.PROVIDERS);
        assertThat(tf.variables()).contains("names.sql_identifier", "postgres");
        assertThat(postgres.isolationProbe()).contains(new IsolationProbeRef("cross-tenant-isolation", "postgres",
                "another tenant's role reads 0 rows or gets permission denied"));
    }

    @Test
    void redisIsTheAclUserNoRootCreates() {
        ResourceKindModule redis = kinds.module(ResourceKind.REDIS);

        assertThat(redis.name(SLUG)).isEqualTo("t_acme-corp").isEqualTo(SLUG.redisUser());
        assertThat(redis.terraformNames(SLUG)).isEmpty();
        assertThat(redis.terraform()).isEqualTo(TerraformMapping.NONE);
        assertThat(redis.isolationProbe()).map(IsolationProbeRef::probe).contains("redis");
    }

    @Test
    void theObjectStoreIsTheBucketOfThisDeploymentWithTerraformsAccessKey() {
        ResourceKindModule objectStore = ResourceKinds.withBucketPrefix("acme-prod").module(ResourceKind.OBJECT_STORE);

        assertThat(objectStore.name(SLUG)).isEqualTo("acme-prod-acme-corp")
                .isEqualTo(new BucketNaming("acme-prod").bucketOf(SLUG));
        assertThat(objectStore.terraformNames(SLUG)).isEqualTo(Map.of("bucket", "acme-prod-acme-corp",
                "qualified_name", "tenant-acme-corp"));
        TerraformMapping tf = objectStore.terraform();
        assertThat(tf.outputs()).contains(
                OutputBinding.attribute("access_key_id", TenantObjectCredentials.ACCESS_KEY_ID),
                OutputBinding.secret("secret_access_key", TenantObjectCredentials.SECRET_ACCESS_KEY));
        assertThat(tf.nameOutput()).contains("bucket_name");
        assertThat(tf.createdBy()).containsExactly(TerraformRoot.PROVIDERS);
        assertThat(objectStore.isolationProbe()).map(IsolationProbeRef::probe).contains("object-store");
    }

    @Test
    void theVectorNamespaceIsNamedByBothRootsButCreatedByNeither() {
        ResourceKindModule vector = kinds.module(ResourceKind.VECTOR);

        assertThat(vector.name(SLUG)).isEqualTo("tenant-acme-corp");
        assertThat(vector.terraformNames(SLUG)).isEqualTo(Map.of("qualified_name", "tenant-acme-corp"));
        assertThat(vector.terraform().outputs())
                .containsExactly(OutputBinding.attribute("vector_namespace", VectorNamespaceDriver.ATTR_NAMESPACE));
        assertThat(vector.terraform().nameOutput()).contains("vector_namespace");
        assertThat(vector.terraform().createdBy()).isEmpty();
        assertThat(vector.isolationProbe()).map(IsolationProbeRef::probe).contains("vector");
    }

    @Test
    void monitoringIsTheDashboardTerraformTenantCreatesAndHasNothingToIsolate() {
        ResourceKindModule monitoring = kinds.module(ResourceKind.MONITORING);

        assertThat(monitoring.name(SLUG)).isEqualTo("tenant-acme-corp")
                .isEqualTo(MonitoringDriver.fileName(SLUG).replace(".json", ""));
        assertThat(monitoring.terraform().outputs()).containsExactly(
                OutputBinding.attribute("grafana_dashboard_uid", MonitoringDriver.DASHBOARD_UID),
                OutputBinding.attribute("grafana_dashboard_url", MonitoringDriver.DASHBOARD_URL));
        assertThat(monitoring.terraform().createdBy()).containsExactly(TerraformRoot.PROVIDERS);
        assertThat(monitoring.terraform().variables()).contains("grafana_url", "tier_config");
        assertThat(monitoring.isolationProbe()).isEmpty();
    }

    @Test
    void theSigningKeyNeverMeetsTerraformAndIsProvedByTheJwtCheck() {
        ResourceKindModule key = kinds.module(ResourceKind.SIGNING_KEY);

        assertThat(key.name(SLUG)).isEqualTo("tenant-acme-corp/signing-key").isEqualTo(SigningKeyDriver.nameOf(SLUG));
        assertThat(key.terraform()).isEqualTo(TerraformMapping.NONE);
        assertThat(key.isolationProbe()).contains(new IsolationProbeRef("jwt-authentication", "signing-key",
                "a token of tenant A is rejected for tenant B"));
    }

    @Test
    void theProviderFreeRootCreatesNoKindAndTheProvidersRootCreatesThree() {
        assertThat(kinds.createdBy(TerraformRoot.PROVIDER_FREE)).isEmpty();
        assertThat(kinds.createdBy(TerraformRoot.PROVIDERS))
                .isEqualTo(EnumSet.of(ResourceKind.POSTGRES, ResourceKind.OBJECT_STORE, ResourceKind.MONITORING));
        assertThat(TerraformRoot.ofDir("terraform/tenant/")).contains(TerraformRoot.PROVIDERS);
        assertThat(TerraformRoot.ofDir("terraform/local")).contains(TerraformRoot.PROVIDER_FREE);
        assertThat(TerraformRoot.ofDir("somewhere/else")).isEmpty();
    }

    @Test
    void everyKindHasAModuleInCreationOrderAndTheNamesVariableIsTheirUnion() {
        assertThat(kinds.all()).extracting(ResourceKindModule::kind).containsExactly(ResourceKind.values());
        assertThat(kinds.terraformNames(SLUG)).isEqualTo(Map.of("sql_identifier", "t_acme_corp",
                "bucket", "tenant-acme-corp", "qualified_name", "tenant-acme-corp"));
    }

    /** What a driver reports is keyed {@code <kind>.<name>}: a binding to another kind's key would mix them up. */
    @Test
    void everyBoundOutputBecomesAKeyOfItsOwnKindAndOnlyCredentialsBecomeSecrets() {
        for (ResourceKindModule module : kinds.all()) {
            for (OutputBinding binding : module.terraform().outputs()) {
                assertThat(binding.key()).as(binding.output()).startsWith(module.kind().stepName() + ".");
                assertThat(binding.secret()).as(binding.output())
                        .isEqualTo(binding.output().matches(".*(password|secret).*"));
            }
        }
        assertThat(RedisNamespaceDriver.ATTR_QUOTA_QPM).startsWith("redis.");
    }

    @Test
    void aKindTerraformCreatesMustSayWhichOutputsItIsAdoptedFrom() {
        assertThatThrownBy(() -> new TerraformMapping(Set.of(), List.of(), Optional.empty(),
                Set.of(TerraformRoot.PROVIDERS))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachKindsConfigurePhaseHasItsOwnFailureStep() {
        assertThat(ResourceKind.OBJECT_STORE.configureStepName()).isEqualTo("configure-object-store");
        assertThat(EnumSet.allOf(ResourceKind.class)).extracting(ResourceKind::configureStepName)
                .doesNotHaveDuplicates().allMatch(s -> s.startsWith("configure-"));
    }
}
