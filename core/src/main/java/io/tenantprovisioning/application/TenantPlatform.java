package io.tenantprovisioning.application;

import io.tenantprovisioning.approval.IdentitySource;

import io.tenantprovisioning.validation.report.ValidationRun;
import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.approval.Verdict;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.resource.ResourceDriver;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.redis.RedisEndpoint;
import redis.clients.jedis.Jedis;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.SweepReport;
import io.tenantprovisioning.faults.FaultDecorators;
import io.tenantprovisioning.model.EngineKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.registry.TenantRecord;
import io.tenantprovisioning.request.ChangeDraft;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.validation.ValidationReport;
import io.tenantprovisioning.validation.report.Reports;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The composition root and the application's front door: {@link #open} wires the object graph once
 * per process (clients, engines, failure points, notifications) and hands out one handler per verb.
 * The CLI, the Jenkins steps (through {@link TenantOperations}) and the demo call only these handlers.
 */
public final class TenantPlatform implements TenantOperations, AutoCloseable {

    private final PlatformGraph graph;
    private final SubmitHandler submit;
    private final DecideHandler decide;
    private final RollbackHandler rollback;
    private final ProvisionHandler provision;
    private final ValidateHandler validate;
    private final ActivateHandler activate;
    private final Offboarding offboarding;
    private final Revalidation revalidation;
    private final UpdateHandler update;
    private final CredentialRotation rotation;

    private TenantPlatform(PlatformGraph graph) {
        this.graph = graph;
        Teardown teardown = new Teardown(graph);
        this.submit = new SubmitHandler(graph);
        this.decide = new DecideHandler(graph.registry);
        this.rollback = new RollbackHandler(graph, teardown);
        this.provision = new ProvisionHandler(graph, rollback);
        this.validate = new ValidateHandler(graph);
        this.activate = new ActivateHandler(graph);
        this.offboarding = new Offboarding(graph, teardown);
        this.revalidation = new Revalidation(graph);
        this.update = new UpdateHandler(graph, validate);
        this.rotation = new CredentialRotation(graph, java.time.Clock.systemUTC());
    }

    /**
     * Opens the platform with the engines this machine can run; events (notifications in the log) go to
     * {@code events}. Lifecycle moves are recorded as the JVM's OS account's: adapters that know who
     * acts (the CLI's operator, the Jenkins build's user) use {@link #open(Settings, ProgressListener, Actor)}.
     */
    public static TenantPlatform open(Settings settings, ProgressListener events) {
        return open(settings, events, new Actor(System.getProperty("user.name", "tenantctl"), IdentitySource.CLI_OS_USER));
    }

    /** Opens the platform for one operator, whose name every lifecycle move and audit row records. */
    public static TenantPlatform open(Settings settings, ProgressListener events, Actor operator) {
        FailurePoints failurePoints = FailurePoints.from(settings);
        PlatformServices services = PlatformServices.open(settings, failurePoints,
                FaultDecorators.fromSettings(settings));
        try {
            Map<String, ProvisioningEngine> engines = Engines.available(services, events);
            return new TenantPlatform(new PlatformGraph(services, engines, failurePoints, events, operator));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public PlatformServices services() {
        return graph.services;
    }

    public Settings settings() {
        return graph.services.settings();
    }

    /** The registry-only side (records, audit, decisions, chargeback) on this platform's registry. */
    public TenantLedger ledger() {
        return new TenantLedger(graph.registry, false);
    }

    public PlanHandler planHandler() {
        return new PlanHandler(graph.services.validator(), graph.services.planner());
    }

    public TenantAccessHandler accessHandler() {
        return new TenantAccessHandler(graph);
    }

    public TerraformStateHandler terraformStateHandler() {
        return new TerraformStateHandler(graph);
    }

    /**
     * Asks every service directly (each kind's describe, not the registry) what of the tenant exists;
     * one line per resource found, or per kind that could not be read.
     */
    public List<String> lookOnServices(Slug slug) {
        List<String> found = new java.util.ArrayList<>();
        for (ResourceDriver driver : graph.services.drivers()) {
            try {
                driver.describe(slug).ifPresent(d -> found.add(d.kind().stepName() + " " + d.name()));
            } catch (ResourceException | RuntimeException e) {
                found.add(driver.kind().stepName() + " (cannot read: " + e.getMessage() + ")");
            }
        }
        return found;
    }

    /**
     * The demo's switch, and nothing else's: gives the tenant's Redis user every key, which the
     * cross-tenant isolation check must catch.
     */
    public PipelineHook widenRedisAclOnPurpose(ProgressListener progress) {
        return slug -> {
            Settings settings = graph.services.settings();
            try (Jedis admin = RedisEndpoint.fromSettings(settings)
                    .connect(null, settings.requiredSecret(Setting.REDIS_PASSWORD))) {
                admin.aclSetUser(slug.redisUser(), "allkeys");
            }
            progress.event("demo", "broke isolation on purpose: ACL SETUSER " + slug.redisUser() + " allkeys");
        };
    }

    public SubmitHandler submitHandler() {
        return submit;
    }

    public DecideHandler decideHandler() {
        return decide;
    }

    public ProvisionHandler provisionHandler() {
        return provision;
    }

    public ValidateHandler validateHandler() {
        return validate;
    }

    public RollbackHandler rollbackHandler() {
        return rollback;
    }

    public Offboarding offboarding() {
        return offboarding;
    }

    /** ACTIVE/DEGRADED → OFFBOARDING → OFFBOARDED without an export: destroy, then sweep. */
    public TeardownResult offboard(Slug slug, ProgressListener progress) {
        return offboarding.run(slug, Optional.empty(), progress).teardown();
    }

    public ClaimHandler claimHandler() {
        return new ClaimHandler(graph);
    }

    public ReconfigureHandler reconfigureHandler() {
        return new ReconfigureHandler(graph, revalidation);
    }

    public Revalidation revalidation() {
        return revalidation;
    }

    /** update: change a serving tenant in place (plan, route, apply, re-validate, restore on failure). */
    public UpdateHandler updateHandler() {
        return update;
    }

    /** rotate: renew a serving tenant's credentials, each proven before the old one is revoked. */
    public CredentialRotation rotation() {
        return rotation;
    }

    /** provision --from FILE: many rows, each through its own {@link #job()}. */
    public BatchProvisioning batch() {
        return new BatchProvisioning(graph, this::job);
    }

    /** The whole provisioning job (provision / resume / demo). */
    public ProvisioningJob job() {
        return job(PipelineHook.NONE);
    }

    /** The job with a hook between configuration and validation (the demo breaks a tenant there). */
    public ProvisioningJob job(PipelineHook hook) {
        return new ProvisioningJob(graph, submit, provision, validate, activate, rollback, hook);
    }

    // ---- TenantOperations: the Jenkins steps' port, each call one handler

    @Override
    public SubmissionResult submit(RequestDraft draft, Actor requester) {
        return submit.submit(draft, requester);
    }

    @Override
    public ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                         String comment) {
        return decide.decide(requestId, group, approver, decision, comment);
    }

    @Override
    public ApprovalResult recordApproval(String requestId, ApproverGroup group, Actor approver, Verdict decision,
                                         String comment, String planSha256) {
        return decide.decide(requestId, group, approver, decision, comment, planSha256);
    }

    @Override
    public Optional<PlanForApproval> planForApproval(String requestId, EngineKind engine, ProgressListener progress) {
        TenantRecord tenant = graph.tenantOfRequest(requestId);
        return graph.underRunLock(tenant.slug(), "plan", () -> new PlanApproval(graph).currentOrNew(tenant,
                graph.engine(engine), progress));
    }

    /**
     * @throws ProvisioningFailedException when provisioning failed (the tenant was already rolled back)
     * @throws ProvisioningInterruptedException when the thread was interrupted (left for one rollback)
     */
    @Override
    public ProvisioningResult.Provisioned provision(String requestId, EngineKind engine, ProgressListener progress) {
        ProvisioningResult result = provision.provision(requestId, engine, progress);
        if (result instanceof ProvisioningResult.RolledBack failed) {
            throw new ProvisioningFailedException(failed);
        }
        if (result instanceof ProvisioningResult.Interrupted interrupted) {
            throw new ProvisioningInterruptedException(interrupted);
        }
        return (ProvisioningResult.Provisioned) result;
    }

    @Override
    public ValidationRun validate(Slug slug, ProgressListener progress) {
        return Reports.toRun(validate.validate(slug, progress));
    }

    /** Runs the suite for a provisioned tenant (VALIDATING, ACTIVE or DEGRADED) and records the run. */
    public ValidationReport validateReport(Slug slug, ProgressListener progress) {
        return validate.validate(slug, progress);
    }

    @Override
    public String activate(Slug slug, ProgressListener progress) {
        return activate.activate(slug, progress).name();
    }

    @Override
    public RollbackResult rollback(Slug slug, ProgressListener progress) {
        return rollback.rollback(slug, progress);
    }

    @Override
    public UpdateResult.AwaitingApproval requestChange(Slug slug, ChangeDraft draft, Actor requester,
                                                       ProgressListener progress) {
        return update.submit(slug, draft, requester, progress);
    }

    @Override
    public UpdateResult applyChange(Slug slug, Actor actor, ProgressListener progress) {
        return update.resume(slug, actor, progress);
    }

    @Override
    public List<String> activeTenants() {
        return graph.registry.tenants().list(Optional.empty()).stream()
                .filter(t -> Revalidation.STARTS_FROM.contains(t.state()))
                .map(t -> t.slug().value()).toList();
    }

    /**
     * Removes resources carrying the product's tags/prefixes that no live registry tenant owns.
     * With {@code tenant}, only that slug — refused while the tenant is live (use rollback/offboard).
     */
    public SweepReport sweep(Optional<Slug> tenant, boolean dryRun, ProgressListener progress) {
        Set<String> live = graph.registry.tenants().list(Optional.empty()).stream()
                .filter(t -> !t.state().finished())
                .map(t -> t.slug().value()).collect(Collectors.toSet());
        if (tenant.isEmpty()) {
            return graph.services.sweep(progress).sweepOrphans(live, dryRun, new OrphanClaims(graph.registry));
        }
        if (live.contains(tenant.get().value())) {
            TenantRecord record = graph.registry.tenants().require(tenant.get());
            throw new IllegalStateException("tenant '" + tenant.get() + "' is live (" + record.state()
                    + "); use `tenantctl rollback` or `tenantctl offboard` instead of sweeping it");
        }
        return graph.services.sweep(progress).sweepTenant(tenant.get(), dryRun);
    }

    @Override
    public void close() {
        graph.services.close();
    }
}
