package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.StateConflictException;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.resource.ResourceException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tenantctl reconfigure}: puts the tenant's current configuration onto its resources again, in place
 * (each kind's tags, then its configure phase: Redis permissions from today's allow-list, the tier's quota,
 * the scrape target's labels, ...), then re-validates it as the nightly job does (DEGRADED → ACTIVE when it
 * passes). It brings a tenant made under older rules, or changed by hand, back to what tenantctl would make
 * today; nothing is created or destroyed and no credential changes.
 */
public final class ReconfigureHandler {

    /** The tenants that serve traffic. */
    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.ACTIVE, TenantState.DEGRADED);

    static final String AUDIT_ACTION = "reconfigured";

    private final PlatformGraph graph;
    private final Revalidation revalidation;

    ReconfigureHandler(PlatformGraph graph, Revalidation revalidation) {
        this.graph = graph;
        this.revalidation = revalidation;
    }

    /** Re-applies the configuration under the tenant's run lock, then re-validates (outside it, as revalidate). */
    public RevalidationReport reconfigure(Slug slug, ProgressListener progress) {
        graph.underRunLock(slug, "reconfigure", () -> {
            TenantRecord tenant = graph.registry.tenants().require(slug);
            if (!STARTS_FROM.contains(tenant.state())) {
                throw new StateConflictException("tenant '" + slug + "' is " + tenant.state() + "; only a tenant "
                        + "that serves traffic (" + STARTS_FROM + ") can be reconfigured; nothing was changed");
            }
            TenantRequest current = graph.services.validator().validate(
                    ChangePlanner.currentRequest(graph.registry, tenant).request());
            InPlaceConfiguration resources = new InPlaceConfiguration(graph);
            try {
                // what the engine owns the tags of (Terraform's) keeps them: they are already the current ones
                Set<ResourceKind> engineTagged = graph.engineOf(tenant).changes().map(EngineChange::owns)
                        .orElse(Set.of());
                resources.apply(tenant, resources.spec(tenant, current, tenant.tierConfig()), engineTagged, progress);
            } catch (ResourceException e) {
                throw new ReconfigureFailedException("reconfiguring tenant '" + slug + "' failed: " + e.getMessage()
                        + " (kinds before it were reconfigured; run it again once the cause is fixed)", e);
            }
            graph.registry.audit().append(new AuditEntry(graph.actor(), slug.value(), AUDIT_ACTION, null, null,
                    "the current configuration re-applied in place to every kind"));
            return null;
        });
        return revalidation.run(List.of(slug), 1, progress);
    }
}
