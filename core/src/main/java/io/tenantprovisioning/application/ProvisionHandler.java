package io.tenantprovisioning.application;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.model.IllegalTransitionException;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * provision: APPROVED → PROVISIONING → CONFIGURING → VALIDATING with the chosen engine. Any failure
 * is handed to {@link RollbackHandler} (the one owner of rollback) and reported as
 * {@link ProvisioningResult.RolledBack}; nothing here throws for a provisioning failure. An
 * interruption of the run's thread is not a failure to roll back here but
 * {@link ProvisioningResult.Interrupted}: the interrupter rolls back, once.
 */
public final class ProvisionHandler {

    public static final Set<TenantState> STARTS_FROM = EnumSet.of(TenantState.APPROVED);

    private final PlatformGraph graph;
    private final ProvisioningSaga saga;
    private final RollbackHandler rollback;
    private final PlanApproval plans;

    ProvisionHandler(PlatformGraph graph, RollbackHandler rollback) {
        this.graph = graph;
        this.plans = new PlanApproval(graph);
        this.saga = new ProvisioningSaga(graph.registry, graph.lifecycle, graph.failurePoints,
                graph.services.faults()::wrap);
        this.rollback = rollback;
    }

    /** Provisions the tenant of an approved request under its run lock. */
    public ProvisioningResult provision(String requestId, EngineKind engine, ProgressListener progress) {
        TenantRecord tenant = graph.tenantOfRequest(requestId);
        return graph.underRunLock(tenant.slug(), "provision", () -> provisionLocked(tenant, engine, progress));
    }

    /**
     * The caller holds the run lock.
     *
     * @throws PlanApprovalRequiredException when the engine's saved plan is not the approved one: nothing was
     *                                       applied and the tenant is back in PENDING_APPROVAL with a new plan
     */
    ProvisioningResult provisionLocked(TenantRecord tenant, EngineKind engineKind, ProgressListener progress) {
        if (!graph.services.settings().bool(Setting.PROVISIONING_ENABLED)) {
            throw new IllegalStateException("PROVISIONING_ENABLED=false (simulation mode): nothing is created; "
                    + "tenant '" + tenant.slug() + "' stays " + tenant.state());
        }
        TenantState now = graph.registry.tenants().require(tenant.slug()).state();
        if (!STARTS_FROM.contains(now)) {
            throw new IllegalTransitionException(now, TenantState.PROVISIONING);
        }
        ProvisioningEngine engine = graph.engine(engineKind);
        Optional<String> approvedPlan = plans.requireApproved(tenant, engine, progress);
        try {
            // the registry's marker in the spec too, so what Terraform creates carries it like the drivers' own
            Map<String, String> tags = graph.services.marker().stamp(graph.accessLoader.expectedTags(tenant),
                    tenant.slug());
            Map<String, String> outputs = saga.provision(tenant, tags, engine, approvedPlan, graph.actor(),
                    progress);
            return new ProvisioningResult.Provisioned(tenant.slug().value(), outputs);
        } catch (ProvisioningSaga.StepFailed e) {
            if (e.getCause() instanceof PlanBindingException refused && e.reached() == TenantState.PROVISIONING) {
                backToApproval(tenant, refused, engine, progress);
            }
            if (e.interrupted()) {
                Thread.currentThread().interrupt();
                ProvisioningResult.Interrupted interrupted = new ProvisioningResult.Interrupted(
                        tenant.slug().value(), e.reached(), e.reason());
                progress.event("provision", interrupted.message());
                return interrupted;
            }
            progress.event("rollback", "rolling back");
            RollbackResult result = rollback.rollbackLocked(tenant, e.getMessage(), progress);
            return new ProvisioningResult.RolledBack(tenant.slug().value(), e.reason(), result);
        }
    }

    /**
     * A plan Terraform refused at the apply (stale): it applied nothing, so the request goes back to approval with a
     * new plan instead of rolling back; only when no new plan can be made does the caller roll back.
     *
     * @throws PlanApprovalRequiredException the tenant is back in PENDING_APPROVAL
     */
    private void backToApproval(TenantRecord tenant, PlanBindingException refused, ProvisioningEngine engine,
                                ProgressListener progress) {
        try {
            plans.returnToApproval(tenant, TenantState.PROVISIONING, refused.getMessage(), engine, progress);
        } catch (PlanApprovalRequiredException back) {
            throw back;
        } catch (RuntimeException noNewPlan) {
            progress.event("approve", "no new plan could be made (" + noNewPlan.getMessage() + ")");
        }
    }
}
