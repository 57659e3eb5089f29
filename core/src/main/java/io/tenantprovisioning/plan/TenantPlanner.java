package io.tenantprovisioning.plan;

import io.tenantprovisioning.approval.ApprovalPolicy;
import io.tenantprovisioning.config.ConfigurationException;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ChargebackTags;
import io.tenantprovisioning.cost.CostModel;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.resource.PlannedResource;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import io.tenantprovisioning.tier.TierCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Computes the {@link TenantPlan} for a request: names, tags, tier config, cost, approval route. */
public final class TenantPlanner {

    private static final Pattern BUCKET_PREFIX = Pattern.compile("^[a-z][a-z0-9-]{0,29}$");

    private final TierCatalog tiers;
    private final CostModel costModel;
    private final ApprovalPolicy approvalPolicy;
    private final ResourceKinds kinds;

    public TenantPlanner(TierCatalog tiers, CostModel costModel, ApprovalPolicy approvalPolicy, String bucketPrefix) {
        this.tiers = tiers;
        this.costModel = costModel;
        this.approvalPolicy = approvalPolicy;
        if (!BUCKET_PREFIX.matcher(bucketPrefix).matches()) {
            throw new ConfigurationException("BUCKET_PREFIX '" + bucketPrefix
                    + "' must be 1-30 of a-z, 0-9 and '-', starting with a letter (bucket names are <prefix>-<slug>)");
        }
        try {
            this.kinds = ResourceKinds.withBucketPrefix(bucketPrefix);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** The planner as configured: thresholds, base cost and bucket prefix from settings. */
    public static TenantPlanner from(Settings settings, TierCatalog tiers) {
        return new TenantPlanner(tiers,
                new CostModel(settings.longValue(Setting.COST_BASE_MONTHLY_INR), tiers),
                new ApprovalPolicy(settings.longValue(Setting.AUTO_APPROVE_THRESHOLD),
                        settings.longValue(Setting.EXECUTIVE_APPROVAL_THRESHOLD)),
                settings.string(Setting.BUCKET_PREFIX));
    }

    /** A new request's id: derived from the idempotency key when there is one, so a replay gets the same id. */
    public static String requestIdFor(TenantRequest request) {
        return request.idempotency()
                .map(k -> java.util.UUID.nameUUIDFromBytes(k.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .orElseGet(java.util.UUID::randomUUID).toString();
    }

    public TenantPlan plan(TenantRequest request, String requestId) {
        ChargebackTags tags = ChargebackTags.of(request, requestId);
        return new TenantPlan(request, requestId, tiers.config(request.tier()), costModel.estimate(request),
                approvalPolicy.route(request), tags, resources(request.slug(), tags.asMap()));
    }

    /** The approval policy plans are routed by (a change of a serving tenant is routed by it too). */
    public ApprovalPolicy approvalPolicy() {
        return approvalPolicy;
    }

    private List<PlannedResource> resources(Slug slug, Map<String, String> tags) {
        List<PlannedResource> resources = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            resources.add(new PlannedResource(kind, nameOf(kind, slug), tags));
        }
        return resources;
    }

    /** The name a resource of this kind has on its service: the kind module's naming. */
    public String nameOf(ResourceKind kind, Slug slug) {
        return kinds.nameOf(kind, slug);
    }
}
