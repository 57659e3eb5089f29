package io.tenantprovisioning.resource.kinds;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformRoot;
import io.tenantprovisioning.resource.monitoring.MonitoringKind;
import io.tenantprovisioning.resource.objectstore.BucketNaming;
import io.tenantprovisioning.resource.objectstore.ObjectStoreKind;
import io.tenantprovisioning.resource.postgres.PostgresKind;
import io.tenantprovisioning.resource.redis.RedisKind;
import io.tenantprovisioning.resource.signingkey.SigningKeyKind;
import io.tenantprovisioning.resource.vector.VectorKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every kind's module, for one deployment (the bucket prefix is the only deployment-specific naming rule).
 * The planner names resources through it, the engines ask it which kinds a root module creates, and the
 * terraform engine composes the root's {@code names} variable from it.
 */
public record ResourceKinds(BucketNaming bucketNaming) {

    public static ResourceKinds withBucketPrefix(String bucketPrefix) {
        return new ResourceKinds(new BucketNaming(bucketPrefix));
    }

    public ResourceKindModule module(ResourceKind kind) {
        return switch (kind) {
            case POSTGRES -> new PostgresKind();
            case REDIS -> new RedisKind();
            case OBJECT_STORE -> new ObjectStoreKind(bucketNaming);
            case VECTOR -> new VectorKind();
            case MONITORING -> new MonitoringKind();
            case SIGNING_KEY -> new SigningKeyKind();
        };
    }

    /** Every kind's module, in creation order. */
    public List<ResourceKindModule> all() {
        return Arrays.stream(ResourceKind.values()).map(this::module).toList();
    }

    /** The name a resource of this kind has on its service. */
    public String nameOf(ResourceKind kind, Slug slug) {
        return module(kind).name(slug);
    }

    /** The kinds whose create phase is that root's apply. */
    public Set<ResourceKind> createdBy(TerraformRoot root) {
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        all().stream().filter(m -> m.terraform().createdBy(root)).forEach(m -> kinds.add(m.kind()));
        return kinds;
    }

    /**
     * The {@code names} entries of every kind, by key. Kinds that share a name (the IAM user, the vector
     * namespace and the dashboard are all {@code tenant-<slug>}) must agree on it.
     *
     * @throws IllegalStateException when two kinds name one entry differently
     */
    public Map<String, String> terraformNames(Slug slug) {
        Map<String, String> names = new TreeMap<>();
        Map<String, ResourceKind> from = new LinkedHashMap<>();
        for (ResourceKindModule module : all()) {
            module.terraformNames(slug).forEach((key, value) -> {
                String earlier = names.putIfAbsent(key, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalStateException("names." + key + ": " + from.get(key).stepName() + " says '"
                            + earlier + "', " + module.kind().stepName() + " says '" + value + "'");
                }
                from.putIfAbsent(key, module.kind());
            });
        }
        return names;
    }
}
