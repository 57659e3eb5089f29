package io.tenantprovisioning.application;

import io.tenantprovisioning.engine.ConfiguredResources;
import io.tenantprovisioning.engine.CreatedResources;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.engine.terraform.TerraformEngine;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.AuditEntry;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.tier.TierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * APPROVED → PROVISIONING (the engine's create phase) → CONFIGURING (its configure phase) → VALIDATING.
 * Each state is claimed before its phase runs, so the state says what is happening; what each phase did
 * is the reason of the transition that ends it. A failure on the way is thrown as a {@link StepFailed}
 * naming the state reached; rolling back is {@link RollbackHandler}'s job alone. The caller holds the
 * run lock.
 */
final class ProvisioningSaga {

    private final Registry registry;
    private final Lifecycle lifecycle;
    private final FailurePoints failurePoints;
    private final UnaryOperator<ProvisioningJournal> journal;

    /**
     * @param lifecycle the composition root's (its transition guard carries the lifecycle fault points)
     * @param journal   decorates each run's journal (the composition root's fault points)
     */
    ProvisioningSaga(Registry registry, Lifecycle lifecycle, FailurePoints failurePoints,
                     UnaryOperator<ProvisioningJournal> journal) {
        this.registry = registry;
        this.journal = journal;
        this.lifecycle = lifecycle;
        this.failurePoints = failurePoints;
    }

    /**
     * Provisions and configures an APPROVED tenant; returns the resources' non-secret outputs. With
     * {@code approvedPlan} the engine applies exactly that saved plan.
     *
     * @throws StepFailed when anything failed (nothing is rolled back here)
     */
    Map<String, String> provision(TenantRecord tenant, Map<String, String> tags, ProvisioningEngine engine,
                                  Optional<String> approvedPlan, String actor, ProgressListener progress) {
        lifecycle.transition(tenant.slug(), TenantState.APPROVED, TenantState.PROVISIONING, actor,
                "provisioning with the " + engine.name() + " engine");
        registry.tenants().setEngine(tenant.slug(), engine.name());
        TenantState reached = TenantState.PROVISIONING;
        TenantResourceSpec spec = new TenantResourceSpec(tenant.slug(), tags, tenant.tierConfig(),
                java.util.Optional.of(tenant.region()));
        ProvisioningJournal runJournal = journal.apply(new RegistryJournal(registry.journal(), tenant.id()));
        try {
            progress.event("provision", "creating the tenant's resources with the " + engine.name() + " engine");
            failurePoints.reach("provision");
            stopIfInterrupted();
            CreatedResources created = approvedPlan.isPresent()
                    ? engine.createFromApprovedPlan(spec, approvedPlan.get(), runJournal, progress)
                    : engine.create(spec, runJournal, progress);
            stopIfInterrupted();
            recordTerraformPlan(tenant, created.engineOutputs(), actor);
            lifecycle.transition(tenant.slug(), reached, TenantState.CONFIGURING, actor, createdReason(created));
            reached = TenantState.CONFIGURING;
            progress.event("configure", "configuring the tenant's resources for " + tenant.tier().displayName());
            failurePoints.reach("configure");
            ConfiguredResources configured = engine.configure(spec, created, runJournal, progress);
            stopIfInterrupted();
            String reason = configuredReason(tenant.tierConfig(), configured);
            lifecycle.transition(tenant.slug(), reached, TenantState.VALIDATING, actor, reason);
            progress.event("configure", reason);
            return configured.outputs();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            progress.event("provision", "FAILED in " + reached + ": " + reason);
            throw new StepFailed(reached, reason, e);
        }
    }

    /**
     * Between steps: a run whose thread was interrupted (a Jenkins abort) goes no further. The flag is
     * left set, so {@link StepFailed} knows it was an interruption.
     */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the run's thread was interrupted");
        }
    }

    /** A provisioning step failed in {@code reached}; the caller rolls back, unless it was an interruption. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final TenantState reached;
        private final String reason;
        private final boolean interrupted;

        StepFailed(TenantState reached, String reason, Throwable cause) {
            super("failed in " + reached + ": " + reason, cause);
            this.reached = reached;
            this.reason = reason;
            this.interrupted = Thread.currentThread().isInterrupted() || causedByInterruption(cause);
        }

        /** The thread was interrupted, or the failure is one (some clients clear the flag as they throw). */
        boolean interrupted() {
            return interrupted;
        }

        private static boolean causedByInterruption(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                // not InterruptedIOException's subclasses: a SocketTimeoutException is no interruption
                if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException
                        || t.getClass() == java.io.InterruptedIOException.class) {
                    return true;
                }
            }
            return false;
        }

        TenantState reached() {
            return reached;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * A Terraform run leaves the applied plan's SHA-256 and summary, its outputs and the approvals it
     * was applied under in the tamper-evident audit trail, so "what was approved" and "what was
     * applied" can be matched later.
     */
    private void recordTerraformPlan(TenantRecord tenant, Map<String, String> outputs, String actor) {
        String sha = outputs.get(TerraformEngine.PLAN_SHA256);
        if (sha == null) {
            return;
        }
        // the decisions on this plan (a plan saved before approval), else those without one (planned at apply)
        List<String> approvals = registry.approvals().forRequest(tenant.requestId()).stream()
                .filter(a -> a.planSha256() == null || a.planSha256().equals(sha))
                .map(a -> a.group() + " " + a.decision() + " by " + a.approver() + " at " + a.decidedAt()).toList();
        Map<String, String> plain = new TreeMap<>();
        outputs.forEach((k, v) -> {
            if (k.startsWith(TerraformEngine.OUTPUT_PREFIX)) {
                plain.put(k, v);
            }
        });
        registry.audit().append(new AuditEntry(actor, tenant.slug().value(), "terraform-plan-applied", null, null,
                "plan sha256 " + sha + " applied for request " + tenant.requestId() + " ("
                        + (approvals.isEmpty() ? "auto-approved" : String.join(", ", approvals)) + "); outputs "
                        + plain));
    }

    /** What PROVISIONING created, kind by kind (names only: never an attribute that could matter). */
    private static String createdReason(CreatedResources created) {
        return "resources created: " + created.entries().stream()
                .map(e -> e.resource().kind().stepName() + " " + e.resource().name())
                .collect(Collectors.joining(", "));
    }

    /**
     * What CONFIGURING applied: the tier it configured for (its config was snapshotted into the registry at
     * submission) and every kind's configuration, as the kinds reported it (no secret ever appears there).
     */
    private static String configuredReason(TierConfig tier, ConfiguredResources configured) {
        List<String> lines = new ArrayList<>();
        lines.add("configured " + tier.tier().displayName() + ": " + tier.queriesPerMinute() + " queries/min, "
                + tier.documentsPerMonth() + " docs/month, model " + tier.model() + ", max tokens "
                + tier.maxTokens());
        lines.addAll(configured.applied());
        return String.join("; ", lines);
    }
}
