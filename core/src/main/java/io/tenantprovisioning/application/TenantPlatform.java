package io.tenantprovisioning.application;

import io.tenantprovisioning.application.TenantOperations;
import io.tenantprovisioning.application.TenantAccessLoader;
import io.tenantprovisioning.application.SubmissionResult;
import io.tenantprovisioning.application.RollbackResult;
import io.tenantprovisioning.application.ProvisioningResult;
import io.tenantprovisioning.application.PlatformServices;
import io.tenantprovisioning.application.Engines;
import io.tenantprovisioning.application.Decision;
import io.tenantprovisioning.application.ApprovalResult;
import io.tenantprovisioning.application.Activation;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.notify.LogNotifier;
import io.tenantprovisioning.notify.NotificationEvent;
import io.tenantprovisioning.notify.Notifications;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.Registry;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.request.TenantRequest;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.JsonReport;
import io.tenantprovisioning.validation.report.Reports;
import io.tenantprovisioning.application.ApprovalOutcome;
import io.tenantprovisioning.application.ApprovalWorkflow;
import io.tenantprovisioning.registry.Lifecycle;
import io.tenantprovisioning.application.ProvisioningFailedException;
import io.tenantprovisioning.application.ProvisioningSaga;
import io.tenantprovisioning.registry.RunInProgressException;
import io.tenantprovisioning.registry.RunLock;
import io.tenantprovisioning.application.SubmissionOutcome;
import io.tenantprovisioning.application.Teardown;
import io.tenantprovisioning.application.TeardownResult;
import io.tenantprovisioning.plan.TenantPlan;
import io.tenantprovisioning.plan.TenantPlanner;
import io.tenantprovisioning.model.TenantState;
import io.tenantprovisioning.application.TenantSubmission;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The engine as the CLI and the Jenkins steps use it: one object per process, built from settings.
 * Every lifecycle step that changes a tenant takes the tenant's run lock for its duration.
 */
public final class TenantPlatform implements TenantOperations, AutoCloseable {

    private final PlatformServices services;
    private final Registry registry;
    private final Map<String, ProvisioningEngine> engines;
    private final Teardown teardown;
    private final ProvisioningSaga saga;
    private final TenantAccessLoader accessLoader;
    private final Notifications notifications;
    private final ProgressListener events;
    private final FailurePoints failurePoints;

    TenantPlatform(PlatformServices services, Map<String, ProvisioningEngine> engines, ProgressListener events) {
        this.services = services;
        this.registry = services.registry();
        this.engines = Map.copyOf(engines);
        this.events = events;
        this.teardown = new Teardown(registry, engines, services.sweep(events));
        this.failurePoints = FailurePoints.from(services.settings());
        this.saga = new ProvisioningSaga(registry, teardown, failurePoints);
        this.accessLoader = new TenantAccessLoader(registry, services.vault());
        this.notifications = Notifications.fromSettings(services.settings(), Map.of(),
                new LogNotifier(line -> events.event("notify", line)));
    }

    /** Opens the platform with the engines this machine can run; events (notifications in the log) go to {@code events}. */
    public static TenantPlatform open(Settings settings, ProgressListener events) {
        PlatformServices services = PlatformServices.open(settings);
        try {
            return new TenantPlatform(services, Engines.available(services, events), events);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public PlatformServices services() {
        return services;
    }

    @Override
    public SubmissionResult submit(RequestDraft draft, String requester) {
        TenantRequest request = services.validator().validate(draft);
        TenantPlan plan = services.planner().plan(request, TenantPlanner.requestIdFor(request));
        SubmissionOutcome outcome = new TenantSubmission(registry).submit(plan, requester);
        if (!outcome.replayed() && outcome.state() == TenantState.PENDING_APPROVAL) {
            for (ApprovalStep step : outcome.route().steps()) {
                publish(new NotificationEvent.ApprovalNeeded(outcome.slug().value(), step.group(), step.reason(),
                        outcome.monthlyCostInr()));
            }
        }
        return new SubmissionResult(outcome.requestId().toString(), outcome.slug().value(), outcome.autoApproved(),
                outcome.route().steps(), outcome.monthlyCostInr(), outcome.state().name(), outcome.replayed());
    }

    @Override
    public ApprovalResult recordApproval(String requestId, ApproverGroup group, String approver, Decision decision,
                                         String comment) {
        ApprovalOutcome outcome = new ApprovalWorkflow(registry).decide(parseRequestId(requestId), group, approver,
                Verdict.valueOf(decision.name()), comment);
        return new ApprovalResult(outcome.requestId().toString(), outcome.slug(), outcome.state().name(),
                outcome.stillPending());
    }

    @Override
    public ProvisioningResult provision(String requestId, EngineKind engine, ProgressListener progress) {
        TenantRecord tenant = tenantOfRequest(requestId);
        return underRunLock(tenant.slug(), "provision", () -> provisionLocked(tenant, engine, progress));
    }

    ProvisioningResult provisionLocked(TenantRecord tenant, EngineKind engineKind, ProgressListener progress) {
        if (!services.settings().bool(Setting.PROVISIONING_ENABLED)) {
            throw new IllegalStateException("PROVISIONING_ENABLED=false (simulation mode): nothing is created; "
                    + "tenant '" + tenant.slug() + "' stays " + tenant.state());
        }
        ProvisioningEngine engine = engine(engineKind);
        try {
            Map<String, String> outputs = saga.provision(tenant, accessLoader.expectedTags(tenant), engine,
                    actor(), progress);
            return new ProvisioningResult(tenant.slug().value(), TenantState.VALIDATING.name(), outputs);
        } catch (ProvisioningFailedException e) {
            notifyTeardown(e.teardown(), e.getMessage());
            throw e;
        }
    }

    @Override
    public ValidationRun validate(Slug slug, ProgressListener progress) {
        return Reports.toRun(validateReport(slug, progress));
    }

    /** Runs the suite for a provisioned tenant (VALIDATING, ACTIVE or DEGRADED) and records the run. */
    public ValidationReport validateReport(Slug slug, ProgressListener progress) {
        return underRunLock(slug, "validate", () -> {
            TenantRecord tenant = registry.tenants().require(slug);
            if (!java.util.EnumSet.of(TenantState.VALIDATING, TenantState.ACTIVE, TenantState.DEGRADED).contains(tenant.state())) {
                throw new IllegalStateException("tenant '" + slug + "' is " + tenant.state()
                        + "; only a provisioned tenant (VALIDATING, ACTIVE, DEGRADED) can be validated");
            }
            return validateLocked(tenant, progress);
        });
    }

    ValidationReport validateLocked(TenantRecord tenant, ProgressListener progress) {
        failurePoints.reach("validate");
        Instant started = Instant.now();
        ValidationReport report = ValidationChecks.suite(services, accessLoader.expectedTags(tenant))
                .run(accessLoader.load(tenant), progress);
        registry.validationRuns().record(tenant.id(), started, Instant.now(), report.passed(),
                JsonReport.render(report));
        return report;
    }

    @Override
    public String activate(Slug slug, ProgressListener progress) {
        return underRunLock(slug, "activate", () -> activateLocked(registry.tenants().require(slug), progress));
    }

    String activateLocked(TenantRecord tenant, ProgressListener progress) {
        boolean passed = registry.validationRuns().last(tenant.id()).map(r -> r.passed()).orElse(false);
        if (!passed) {
            throw new IllegalStateException("tenant '" + tenant.slug() + "' cannot be activated: its last validation "
                    + "did not pass (run `tenantctl validate " + tenant.slug() + "`)");
        }
        new Lifecycle(registry).transition(tenant.slug(), TenantState.VALIDATING, TenantState.ACTIVE, actor(),
                "all critical checks passed");
        progress.event("activate", tenant.slug() + " is ACTIVE");
        publish(Activation.event(tenant, registry));
        return TenantState.ACTIVE.name();
    }

    @Override
    public RollbackResult rollback(Slug slug, ProgressListener progress) {
        return underRunLock(slug, "rollback", () -> rollbackLocked(slug, "rollback requested", progress));
    }

    RollbackResult rollbackLocked(Slug slug, String reason, ProgressListener progress) {
        TeardownResult result = teardown.rollback(slug, actor(), reason, progress);
        notifyTeardown(result, reason);
        return new RollbackResult(result.slug(), result.state().name(), result.compensationErrors(),
                result.sweep().survivors());
    }

    @Override
    public List<String> activeTenants() {
        return registry.tenants().list(Optional.empty()).stream()
                .filter(t -> t.state() == TenantState.ACTIVE || t.state() == TenantState.DEGRADED)
                .map(t -> t.slug().value()).toList();
    }

    /**
     * Removes resources carrying the product's tags/prefixes that no live registry tenant owns.
     * With {@code tenant}, only that slug — refused while the tenant is live (use rollback/offboard).
     */
    public SweepReport sweep(Optional<Slug> tenant, boolean dryRun, ProgressListener progress) {
        var live = registry.tenants().list(Optional.empty()).stream()
                .filter(t -> !t.state().finished())
                .map(t -> t.slug().value()).collect(java.util.stream.Collectors.toSet());
        if (tenant.isEmpty()) {
            return services.sweep(progress).sweepOrphans(live, dryRun);
        }
        if (live.contains(tenant.get().value())) {
            throw new IllegalStateException("tenant '" + tenant.get() + "' is live ("
                    + registry.tenants().require(tenant.get()).state() + "); use `tenantctl rollback` or "
                    + "`tenantctl offboard` instead of sweeping it");
        }
        return services.sweep(progress).sweepTenant(tenant.get(), dryRun);
    }

    /**
     * Runs {@code work} holding the tenant's run lock, so only one run per tenant changes it at a
     * time; a lock another run holds ends in {@link RunInProgressException}
     * naming that run. Every lifecycle step goes through here.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced in it
    <T> T underRunLock(Slug slug, String what, Supplier<T> work) {
        try (RunLock lock = RunLock.acquire(registry, slug, runId(what))) {
            return work.get();
        }
    }

    FailurePoints failurePoints() {
        return failurePoints;
    }

    /** ACTIVE/DEGRADED → OFFBOARDING → OFFBOARDED: destroy through the creating engine, then sweep. */
    public TeardownResult offboard(Slug slug, ProgressListener progress) {
        return underRunLock(slug, "offboard", () -> offboardLocked(slug, progress));
    }

    TeardownResult offboardLocked(Slug slug, ProgressListener progress) {
        return teardown.offboard(slug, actor(), "offboarding requested", progress);
    }

    void publish(NotificationEvent event) {
        notifications.publish(event).stream().filter(o -> !o.delivered())
                .forEach(o -> events.event("notify", "not delivered: " + o.describe()));
    }

    private void notifyTeardown(TeardownResult result, String reason) {
        publish(result.complete()
                ? new NotificationEvent.RolledBack(result.slug(), reason, List.of())
                : new NotificationEvent.RollbackIncomplete(result.slug(), reason, result.sweep().survivors()));
    }

    private ProvisioningEngine engine(EngineKind kind) {
        ProvisioningEngine engine = engines.get(kind.name().toLowerCase(Locale.ROOT));
        if (engine == null) {
            throw new IllegalArgumentException("the " + kind.name().toLowerCase(Locale.ROOT)
                    + " engine is not available here (is TERRAFORM_BIN installed?)");
        }
        return engine;
    }

    TenantRecord tenantOfRequest(String requestId) {
        UUID id = parseRequestId(requestId);
        UUID tenantId = registry.requests().require(id).tenantId();
        return registry.tenants().byId(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("request " + requestId + " has no tenant"));
    }

    private static UUID parseRequestId(String requestId) {
        try {
            return UUID.fromString(requestId.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("request id '" + requestId + "' is not a UUID");
        }
    }

    static String actor() {
        return System.getProperty("user.name", "tenantctl");
    }

    static String runId(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        services.close();
    }
}
