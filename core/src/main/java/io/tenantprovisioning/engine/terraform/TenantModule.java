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
 * only; the engine's provider-free test root) and {@value #PROVIDERS_DIR} (the default), composed per
 * deployment of its {@link RootPart}s: only those parts' platform variables and provider credentials
 * are given.
 *
 * @param region              the deployment's region (AWS_REGION): a tenant's resources go to the region
 *                            its request named ({@code TenantResourceSpec.region}), this one only for a spec
 *                            without one (a canary) and for a destroy that lost the creating run's variables
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
     * The root at {@code moduleDir} (relative to {@code repositoryRoot}, or absolute), composed of the parts
     * this deployment can serve ({@link RootPart#servable}: the mirror of {@link ProviderMirror#fromSettings}
     * holds their providers and the deployment uses their backends).
     */
    public static TenantModule fromSettings(Settings settings, Path repositoryRoot, String moduleDir) {
        ProviderMirror mirror = ProviderMirror.fromSettings(settings);
        return fromSettings(settings, repositoryRoot, moduleDir, RootPart.servable(settings, mirror), mirror);
    }

    /**
     * The root at {@code moduleDir} with exactly {@code parts} ({@value #PROVIDER_FREE_DIR} has none). The root's
     * parent folder is copied whole, so {@code ../modules} resolves; each part's files join the root's copy, and
     * the providers the mirror holds are pinned to its exact version (a mirror may hold a pre-release, which
     * OpenTofu selects only by an exact constraint).
     */
    public static TenantModule fromSettings(Settings settings, Path repositoryRoot, String moduleDir,
                                            Set<RootPart> parts, ProviderMirror mirror) {
        Path root = repositoryRoot.resolve(moduleDir).toAbsolutePath().normalize();
        if (root.getParent() == null) {
            throw new ConfigurationException("Terraform module folder '" + moduleDir + "' has no parent folder");
        }
        String region = settings.string(Setting.AWS_REGION);
        String bucketPrefix = settings.string(Setting.BUCKET_PREFIX);
        boolean providerFree = root.equals(repositoryRoot.resolve(PROVIDER_FREE_DIR).toAbsolutePath().normalize());
        ResourceKinds kinds = ResourceKinds.withBucketPrefix(bucketPrefix);
        if (providerFree) {
            return new TenantModule(new ModuleSource(root.getParent(), root.getFileName().toString()), region,
                    bucketPrefix, Map.of(), Map.of(), kinds.createdBy(TerraformRoot.PROVIDER_FREE));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Secret> environment = new LinkedHashMap<>();
        Set<ResourceKind> creates = EnumSet.noneOf(ResourceKind.class);
        Map<String, String> pins = new LinkedHashMap<>();
        for (RootPart part : parts) {
            variables.putAll(part.platformVariables(settings));
            environment.putAll(part.providerEnvironment(settings));
            if (kinds.createdBy(TerraformRoot.PROVIDERS).contains(part.kind())) {
                creates.add(part.kind());
            }
            part.providers().stream().filter(mirror::holds)
                    .forEach(p -> pins.put(p, mirror.versions().get(p)));
        }
        ModuleSource source = new ModuleSource(root.getParent(), root.getFileName().toString(),
                parts.stream().map(RootPart::folder).toList(), pins);
        return new TenantModule(source, region, bucketPrefix, variables, environment, creates);
    }

    /**
     * The tfvars of one tenant. A root that configures the PostgreSQL provider ({@value #PROVIDERS_DIR})
     * creates the tenant role, so it also gets the tier's connection limit: the role Terraform creates
     * is limited as the driver's is.
     */
    public TenantVariables variables(TenantResourceSpec spec) {
        // residency: the tenant's resources go to the region its request named (the AWS provider's region)
        TenantVariables variables = new TenantVariables(spec.slug(), spec.tierConfig(), spec.region().orElse(region),
                spec.tags(), bucketPrefix, Map.of()).withExtra(platformVariables);
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
}
