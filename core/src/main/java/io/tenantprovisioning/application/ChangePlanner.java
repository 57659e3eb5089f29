package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.registry.ConfigVersion;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.StoredRequest;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.request.InvalidRequestException;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.tier.TierConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans a change of a serving tenant: the current configuration (its newest applied version, else the
 * request it was provisioned from) with the draft put over it, checked by the request rules, then what
 * differs, what that does to the resources, the cost before and after and the route of the change.
 */
final class ChangePlanner {

    private static final String EVERY_RESOURCE = Arrays.stream(ResourceKind.values()).map(ResourceKind::stepName)
            .collect(Collectors.joining(", "));

    private final PlatformGraph graph;

    ChangePlanner(PlatformGraph graph) {
        this.graph = graph;
    }

    /** The request holding the tenant's configuration now. */
    static StoredRequest currentRequest(Registry registry, TenantRecord tenant) {
        return registry.requests().require(registry.configVersions().current(tenant.id())
                .map(ConfigVersion::requestId).orElse(tenant.requestId()));
    }

    /** @throws InvalidRequestException listing every problem, or saying that nothing would change */
    ChangePlan plan(TenantRecord tenant, ChangeDraft draft) {
        if (draft.empty()) {
            throw new InvalidRequestException(List.of("nothing to change: give at least one of --tier, --budget, "
                    + "--classification, --jurisdiction, --cross-border, --cost-center, --owner-email"));
        }
        StoredRequest current = currentRequest(graph.registry, tenant);
        TenantRequest before = graph.services.validator().validate(current.request());
        TenantRequest after = graph.services.validator().validate(draft.applyTo(current.request()));
        List<FieldChange> changes = FieldChange.between(before, after);
        if (changes.isEmpty()) {
            throw new InvalidRequestException(List.of("nothing to change: tenant '" + tenant.slug()
                    + "' already has every value given (tier " + before.tier().displayName() + ", budget ₹"
                    + before.budgetInr() + ", " + before.classification() + ", cost center " + before.costCenter()
                    + ")"));
        }
        int version = graph.registry.configVersions().forTenant(tenant.id()).stream()
                .mapToInt(ConfigVersion::version).max().orElse(1) + 1;
        return plan(tenant, before, after, version);
    }

    /** The plan of a recorded change (resuming an approved one): its request against the current configuration. */
    ChangePlan replan(TenantRecord tenant, ConfigVersion change) {
        TenantRequest before = graph.services.validator().validate(currentRequest(graph.registry, tenant).request());
        TenantRequest after = graph.services.validator().validate(
                graph.registry.requests().require(change.requestId()).request());
        return plan(tenant, before, after, change.version());
    }

    private ChangePlan plan(TenantRecord tenant, TenantRequest before, TenantRequest after, int version) {
        TenantPlan planned = graph.services.planner().plan(after, tenant.requestId().toString());
        ApprovalRoute route = graph.services.planner().approvalPolicy().routeForChange(before, after);
        List<FieldChange> tierChanges = tierChanges(tenant.tierConfig(), planned.tierConfig());
        return new ChangePlan(tenant.slug().value(), version, before, after, FieldChange.between(before, after),
                tenant.tierConfig(), planned.tierConfig(), tierChanges, resourceChanges(before, after,
                tenant.tierConfig(), planned.tierConfig()), tenant.cost(), planned.cost(), route);
    }

    static List<FieldChange> tierChanges(TierConfig before, TierConfig after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "features", before.features(), after.features());
        add(changes, "queriesPerMinute", before.queriesPerMinute(), after.queriesPerMinute());
        add(changes, "documentsPerMonth", before.documentsPerMonth(), after.documentsPerMonth());
        add(changes, "model", before.model(), after.model());
        add(changes, "maxTokens", before.maxTokens(), after.maxTokens());
        add(changes, "temperature", before.temperature(), after.temperature());
        add(changes, "demoDocuments", before.demoDocuments(), after.demoDocuments());
        add(changes, "postgresConnectionLimit", before.postgresConnectionLimit(), after.postgresConnectionLimit());
        return changes;
    }

    private static List<String> resourceChanges(TenantRequest before, TenantRequest after, TierConfig tierBefore,
                                                TierConfig tierAfter) {
        List<String> lines = new ArrayList<>();
        if (before.tier() != after.tier()) {
            lines.add("tag Tier " + before.tier().displayName() + " → " + after.tier().displayName()
                    + " on every resource (" + EVERY_RESOURCE + ")");
        }
        if (!before.costCenter().equals(after.costCenter())) {
            lines.add("tag CostCenter " + before.costCenter() + " → " + after.costCenter() + " on every resource ("
                    + EVERY_RESOURCE + ")");
        }
        String slug = after.slug().value();
        if (tierBefore.postgresConnectionLimit() != tierAfter.postgresConnectionLimit()) {
            lines.add("postgres: connection limit of role " + after.slug().sqlIdentifier() + " "
                    + tierBefore.postgresConnectionLimit() + " → " + tierAfter.postgresConnectionLimit());
        }
        if (tierBefore.queriesPerMinute() != tierAfter.queriesPerMinute()) {
            lines.add("redis: tier quota " + tierBefore.queriesPerMinute() + " → " + tierAfter.queriesPerMinute()
                    + " queries/min");
        }
        if (!tierBefore.demoDocuments() && tierAfter.demoDocuments()) {
            lines.add("vector: the demo passages indexed into tenant-" + slug);
        }
        if (tierBefore.demoDocuments() && !tierAfter.demoDocuments()) {
            lines.add("vector: passages already indexed stay (a change never removes a tenant's data)");
        }
        return lines;
    }

    private static void add(List<FieldChange> changes, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(new FieldChange(field, String.valueOf(before), String.valueOf(after)));
        }
    }
}
