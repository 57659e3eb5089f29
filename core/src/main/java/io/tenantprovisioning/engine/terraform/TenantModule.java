package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformRoot;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import io.tenantprovisioning.tier.Tier;
import io.tenantprovisioning.tier.TierCatalog;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The root module the terraform engine applies for every tenant, and what it takes besides the
 * tenant: the deployment's region and bucket prefix, the root's platform variables, and the secrets
 * its providers read from the environment.
 *
 * <p>Two roots ship with the repository: {@value #PROVIDER_FREE_DIR} (built-in {@code terraform_data}
 * only; what runs where providers cannot be downloaded) and {@value #PROVIDERS_DIR} (PostgreSQL, AWS,
 * Pinecone, Grafana providers; needs the platform variables below).
 *
 * @param region              the tenant resources' region: the {@code TenantResourceSpec} carries no
 *                            region, so every tenant of this deployment gets AWS_REGION, as in the
 *                            direct engine
 * @param platformVariables   root variables that are the same for every tenant (none for the
 *                            provider-free root)
 * @param providerEnvironment provider credentials, passed only in the process environment
 * @param terraformCreates    the kinds this root's apply creates (the kinds' {@link TerraformMapping}s say
 *                            which): for them the create phase is the apply, and their drivers only adopt
 */
public record TenantModule(ModuleSource source, String region, String bucketPrefix,
                           Map<String, Object> platformVariables, Map<String, Secret> providerEnvironment,
                           Set<ResourceKind> terraformCreates) {

    /** The provider-free root (the default here): its apply creates no kind, the drivers create them all. */
    public static final String PROVIDER_FREE_DIR = "terraform/local";
    /** The root with real providers: its apply creates the postgres, object-store and monitoring kinds. */
    public static final String PROVIDERS_DIR = "terraform/tenant";

    /** The platform variable configuring {@value #PROVIDERS_DIR}'s PostgreSQL provider. */
    private static final String POSTGRES_PROVIDER = "postgres";
    /** {@value #PROVIDERS_DIR}'s variable for the tenant role's connection limit. */
    static final String CONNECTION_LIMIT = "postgres_connection_limit";

    /** What a destroy without the earlier run's variables puts in RequestId (it changes nothing destroyed). */
    static final String UNKNOWN_REQUEST = "unknown";

    public TenantModule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucketPrefix, "bucketPrefix");
        platformVariables = Map.copyOf(platformVariables);
        providerEnvironment = Map.copyOf(providerEnvironment);
        terraformCreates = terraformCreates.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(terraformCreates));
    }

    /**
     * The root at {@code moduleDir} (relative to {@code repositoryRoot}, or absolute). Any root other
     * than {@value #PROVIDER_FREE_DIR} gets {@value #PROVIDERS_DIR}'s platform variables, provider
     * credentials from settings and what it creates. The root's parent folder is copied whole, so
     * {@code ../modules} resolves.
     */
    public static TenantModule fromSettings(Settings settings, Path repositoryRoot, String moduleDir) {
        Path root = repositoryRoot.resolve(moduleDir).toAbsolutePath().normalize();
        if (root.getParent() == null) {
            throw new ConfigurationException("Terraform module folder '" + moduleDir + "' has no parent folder");
        }
        ModuleSource source = new ModuleSource(root.getParent(), root.getFileName().toString());
        String region = settings.string(Setting.AWS_REGION);
        String bucketPrefix = settings.string(Setting.BUCKET_PREFIX);
        boolean providerFree = root.equals(repositoryRoot.resolve(PROVIDER_FREE_DIR).toAbsolutePath().normalize());
        ResourceKinds kinds = ResourceKinds.withBucketPrefix(bucketPrefix);
        return providerFree
                ? new TenantModule(source, region, bucketPrefix, Map.of(), Map.of(),
                        kinds.createdBy(TerraformRoot.PROVIDER_FREE))
                : new TenantModule(source, region, bucketPrefix, platformVariables(settings),
                        providerEnvironment(settings), kinds.createdBy(TerraformRoot.PROVIDERS));
    }

    /**
     * The tfvars of one tenant. A root that configures the PostgreSQL provider ({@value #PROVIDERS_DIR})
     * creates the tenant role, so it also gets the tier's connection limit: the role Terraform creates
     * is limited as the driver's is.
     */
    public TenantVariables variables(TenantResourceSpec spec) {
        TenantVariables variables = new TenantVariables(spec.slug(), spec.tierConfig(), region, spec.tags(),
                bucketPrefix, Map.of()).withExtra(platformVariables);
        return platformVariables.containsKey(POSTGRES_PROVIDER)
                ? variables.withExtra(Map.of(CONNECTION_LIMIT, spec.tierConfig().postgresConnectionLimit()))
                : variables;
    }

    /**
     * Variables for a destroy when the earlier run's tfvars are gone (another machine, a wiped DATA_DIR):
     * derived from the slug, Bronze limits, RequestId {@value #UNKNOWN_REQUEST}. A destroy only evaluates
     * variables for validation and provider configuration; tier and request id change nothing it removes.
     */
    public TenantVariables destroyVariables(Slug slug) {
        Tier tier = Tier.BRONZE;
        Map<String, String> tags = new ChargebackTags(slug.value(), tier.displayName(), slug.defaultCostCenter(),
                ChargebackTags.MANAGED_BY_VALUE, UNKNOWN_REQUEST).asMap();
        return new TenantVariables(slug, TierCatalog.load().config(tier), region, tags, bucketPrefix, Map.of())
                .withExtra(platformVariables);
    }

    /** The platform variables of {@value #PROVIDERS_DIR} (see its variables.tf). */
    static Map<String, Object> platformVariables(Settings settings) {
        Map<String, Object> v = new LinkedHashMap<>();
        String host = settings.string(Setting.REGISTRY_DB_HOST);
        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("host", host);
        postgres.put("port", settings.integer(Setting.REGISTRY_DB_PORT));
        postgres.put("database", settings.string(Setting.TENANT_DB_NAME));
        postgres.put("admin_user", settings.string(Setting.REGISTRY_DB_USER));
        postgres.put("sslmode", isLoopback(host) ? "disable" : "require");
        v.put(POSTGRES_PROVIDER, postgres);
        v.put("grafana_url", settings.optional(Setting.GRAFANA_URL)
                .orElseThrow(() -> new ConfigurationException("GRAFANA_URL must be set: the " + PROVIDERS_DIR
                        + " root creates each tenant's Grafana folder and dashboard")));
        // unset: the variable's default (null) means AWS itself
        settings.optional(Setting.S3_ENDPOINT).ifPresent(e -> v.put("aws_endpoint", e));
        settings.optional(Setting.PINECONE_INDEX_HOST).ifPresent(h -> v.put("vector",
                Map.of("mode", "namespace", "cloud", "aws", "region", settings.string(Setting.AWS_REGION),
                        "shared_index_host", h)));
        return v;
    }

    /** The credentials {@value #PROVIDERS_DIR}'s providers read from the environment. */
    static Map<String, Secret> providerEnvironment(Settings settings) {
        Map<String, Secret> env = new LinkedHashMap<>();
        env.put("PGPASSWORD", settings.requiredSecret(Setting.REGISTRY_DB_PASSWORD));
        settings.optional(Setting.S3_ADMIN_ACCESS_KEY_ID)
                .ifPresent(id -> env.put("AWS_ACCESS_KEY_ID", Secret.of(id)));
        settings.secret(Setting.S3_ADMIN_SECRET_ACCESS_KEY).ifPresent(s -> env.put("AWS_SECRET_ACCESS_KEY", s));
        settings.secret(Setting.GRAFANA_TOKEN).ifPresent(s -> env.put("GRAFANA_AUTH", s));
        settings.secret(Setting.PINECONE_API_KEY).ifPresent(s -> env.put("PINECONE_API_KEY", s));
        return env;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
