package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.ConfiguredResources;
import io.tenantprovisioning.engine.CreatedResources;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code terraform} engine: Terraform/OpenTofu applies a root module ({@link TenantModule}) in a
 * per-tenant folder under {@code DATA_DIR/terraform}, with the tenant's own state (workspace
 * {@code t-<slug>}), as the create phase of the kinds that root creates ({@link TenantModule#terraformCreates}):
 * their drivers adopt what the apply made, with Terraform's credentials. The kinds it does not create are
 * created by their drivers, through the {@link DirectEngine} given here, in the same phase. The configure
 * phase is every kind's configure, fed by the create phase's results.
 *
 * <p>Who creates what, per root: {@value TenantModule#PROVIDER_FREE_DIR} creates nothing real (its
 * {@code terraform_data} stand-ins live only in the state), so every driver creates its kind;
 * {@value TenantModule#PROVIDERS_DIR} is composed per tenant of the parts this deployment can serve
 * ({@link RootPart}): object-store (bucket, IAM user, access key) where the mirror holds hashicorp/aws
 * and OBJECT_STORE=s3, postgres and monitoring only where their providers are installed; redis, vector
 * (mode namespace: nothing to create) and signing-key are always the drivers'. State and plans are
 * encrypted with the tenant's own key ({@link StateEncryption}).
 *
 * <p>Journal: an intent row for each kind the root creates before the apply, marked created once adopted.
 * The Terraform state itself is the record of the apply, written by Terraform, and {@link #destroy} finds
 * it again from the slug alone. The plan summary goes to the progress listener; the plan's SHA-256 and
 * the plain outputs are returned (prefixed {@value #OUTPUT_PREFIX}); sensitive outputs go to the vault,
 * a credential of an adopted kind under the kind's own name (once), any other under {@value #OUTPUT_PREFIX}.
 *
 * <p>Lock and apply failures propagate as the runner's typed exceptions ({@link StateLockedException}
 * names the holder); nothing here force-unlocks.
 */
public final class TerraformEngine implements ProvisioningEngine {

    public static final String NAME = "terraform";
    /** The {@link FailurePoints} step: fires after the plan is shown, before it is applied. */
    public static final String FAIL_STEP = "terraform";
    /** Prefix of every output key and vault name this engine adds. */
    public static final String OUTPUT_PREFIX = "terraform.";
    public static final String PLAN_SHA256 = OUTPUT_PREFIX + "planSha256";
    public static final String WORKSPACE = OUTPUT_PREFIX + "workspace";
    public static final String PLAN_SUMMARY = OUTPUT_PREFIX + "planSummary";
    /** Where per-tenant working folders go, under DATA_DIR. */
    public static final String WORK_FOLDER = "terraform";

    private final TerraformProcessRunner process;
    private final TenantModule module;
    private final BackendConfig backend;
    private final Path workRoot;
    private final DirectEngine direct;
    private final FailurePoints failurePoints;
    private final ResourceKinds kinds;
    private final StateEncryption encryption;
    private final SavedPlans savedPlans;
    private final TakeoverGuard takeover;
    private final TerraformChange change;

    /**
     * @param process   the runner; its listener receives every Terraform line, and so does the
     *                  progress listener of each call
     * @param workRoot  parent of the per-tenant working folders (keep it private: plans hold state)
     * @param direct    the per-kind steps (create, adopt, configure) and their drivers; its vault also
     *                  receives sensitive outputs
     */
    public TerraformEngine(TerraformProcessRunner process, TenantModule module, BackendConfig backend, Path workRoot,
                           DirectEngine direct, FailurePoints failurePoints) {
        this.module = Objects.requireNonNull(module, "module");
        this.process = process.withSecretEnvironment(module.providerEnvironment());
        this.backend = Objects.requireNonNull(backend, "backend");
        this.workRoot = workRoot.toAbsolutePath().normalize();
        this.direct = Objects.requireNonNull(direct, "direct");
        this.failurePoints = Objects.requireNonNull(failurePoints, "failurePoints");
        this.kinds = ResourceKinds.withBucketPrefix(module.bucketPrefix());
        this.encryption = new StateEncryption(direct.vault());
        this.savedPlans = new SavedPlans(this.workRoot, module, backend);
        this.takeover = new TakeoverGuard(direct, module.terraformCreates());
        this.change = new TerraformChange(this.workRoot, module, backend,
                (slug, progress) -> runner(progress, encryption.existingKey(slug)));
    }

    /** The provider-free root {@value TenantModule#PROVIDER_FREE_DIR}; see the other overload. */
    public static TerraformEngine fromSettings(Settings settings, Path repositoryRoot, DirectEngine directEngine,
                                               ProgressListener listener) {
        return fromSettings(settings, repositoryRoot, TenantModule.PROVIDER_FREE_DIR, directEngine, listener);
    }

    /**
     * TERRAFORM_BIN on this machine, state in the registry database (pg backend, schema
     * {@value PgBackend#DEFAULT_SCHEMA}), working folders under {@code DATA_DIR/terraform}, TENANTCTL_FAIL_AT.
     *
     * @param moduleDir the root module, relative to {@code repositoryRoot}: {@value TenantModule#PROVIDER_FREE_DIR}
     *                  where providers cannot be downloaded, {@value TenantModule#PROVIDERS_DIR} for the real
     *                  PostgreSQL/AWS/Pinecone/Grafana providers (then GRAFANA_URL is required)
     */
    public static TerraformEngine fromSettings(Settings settings, Path repositoryRoot, String moduleDir,
                                               DirectEngine directEngine, ProgressListener listener) {
        return fromSettings(settings, repositoryRoot, moduleDir, directEngine, listener, new LocalProcessLauncher(),
                FailurePoints.from(settings));
    }

    /** As above, with the process launcher and failure points of the composition root. */
    public static TerraformEngine fromSettings(Settings settings, Path repositoryRoot, String moduleDir,
                                               DirectEngine directEngine, ProgressListener listener,
                                               ProcessLauncher launcher, FailurePoints failurePoints) {
        ProviderMirror mirror = ProviderMirror.fromSettings(settings);
        TerraformProcessRunner process = new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN),
                launcher, listener).withEnvironment(mirror.environment())
                .withTimeout(Duration.ofSeconds(settings.integer(Setting.TERRAFORM_TIMEOUT_SECONDS)));
        TenantModule module = TenantModule.fromSettings(settings, repositoryRoot, moduleDir,
                RootPart.servable(settings, mirror), mirror);
        return new TerraformEngine(process, module,
                PgBackend.fromSettings(settings, PgBackend.DEFAULT_SCHEMA),
                settings.dataDir().resolve(WORK_FOLDER), directEngine, failurePoints);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The create phase without an approved plan (a canary): a fresh working folder, plan, then {@link #applyAndAdopt}. */
    @Override
    public CreatedResources create(TenantResourceSpec spec, ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        takeover.beforePlan(spec.slug(), progress);
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, module.source(), module.variables(spec), backend);
        TerraformRunner tf = ws.open(runner(progress, Optional.of(encryption.keyFor(spec.slug()))));
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        return applyAndAdopt(spec, tf, plan.planFile(), Optional.empty(), journal, progress);
    }

    @Override
    public boolean savesPlans() {
        return true; // approvals bind to the saved plan's SHA-256 (SavedPlans)
    }

    /** The plan approvers see, saved in the tenant's working folder until the apply ({@link SavedPlans}). */
    @Override
    public Optional<EnginePlan> planForApproval(TenantResourceSpec spec, ProgressListener progress) {
        takeover.beforePlan(spec.slug(), progress);
        return Optional.of(savedPlans.plan(spec, runner(progress, Optional.of(encryption.keyFor(spec.slug()))),
                progress));
    }

    /** A serving tenant's change of what Terraform owns: a saved plan, approved, applied exactly ({@link TerraformChange}). */
    @Override
    public Optional<EngineChange> changes() {
        return Optional.of(change);
    }

    @Override
    public void verifyApprovedPlan(TenantResourceSpec spec, String approvedSha256, ProgressListener progress) {
        savedPlans.verify(spec, approvedSha256);
    }

    /** As {@link #create}, but applies the saved plan {@link #planForApproval} made, if it is still the approved one. */
    @Override
    public CreatedResources createFromApprovedPlan(TenantResourceSpec spec, String approvedSha256,
                                                   ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        savedPlans.verify(spec, approvedSha256);
        TerraformRunner tf = savedPlans.open(spec.slug(), runner(progress,
                Optional.of(encryption.keyFor(spec.slug()))));
        return applyAndAdopt(spec, tf, savedPlans.planFile(spec.slug()), Optional.of(approvedSha256), journal,
                progress);
    }

    /**
     * Show (reported), no takeover ({@link TakeoverGuard}), intent rows for the kinds this root creates, apply of
     * exactly the shown plan (re-hashed and compared with the approved SHA-256, else with the one just shown),
     * the convergence apply ({@link ConvergenceApply}), outputs; then each kind in order is
     * adopted (Terraform created it, its outputs say how) or created by its driver (this root does not create it).
     * The engine's outputs: the plan's SHA-256 and summary, the workspace and the plain outputs.
     */
    private CreatedResources applyAndAdopt(TenantResourceSpec spec, TerraformRunner tf, Path planFile,
                                           Optional<String> approvedSha256, ProvisioningJournal journal,
                                           ProgressListener progress)
            throws ResourceException {
        String workspace = "t-" + spec.slug().value();
        try {
            PlanSummary summary = tf.show(planFile);
            progress.event(NAME, "plan for workspace " + workspace + " (plan SHA-256 " + summary.planSha256() + "):");
            summary.describe().forEach(line -> progress.event(NAME, "  " + line));
            takeover.beforeApply(spec.slug(), summary, progress);
            Map<ResourceKind, Long> intents = intendTerraformKinds(spec, journal);
            failurePoints.reach(FAIL_STEP);
            ApplyResult applied = SavedPlans.apply(tf, planFile, approvedSha256.orElse(summary.planSha256()));
            progress.event(NAME, "applied " + workspace + ": " + applied.added() + " added, " + applied.changed()
                    + " changed, " + applied.destroyed() + " destroyed");
            ConvergenceApply.converge(tf, workspace, progress);
            return adopt(spec, tf, intents, summary, journal, progress);
        } finally {
            deletePlan(planFile, progress); // a saved plan holds state and sensitive values
        }
    }

    private CreatedResources adopt(TenantResourceSpec spec, TerraformRunner tf, Map<ResourceKind, Long> intents,
                                   PlanSummary summary, ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(WORKSPACE, "t-" + spec.slug().value());
        outputs.put(PLAN_SHA256, summary.planSha256());
        outputs.put(PLAN_SUMMARY, String.join("; ", summary.describe()));
        TerraformAdoption adoption = new TerraformAdoption(kinds, tf.output(), module.terraformCreates());
        keep(spec.slug(), adoption, outputs, progress);
        adoption.requireSameNames(spec.slug());
        List<CreatedResources.Entry> entries = new ArrayList<>();
        for (ResourceKind kind : direct.kinds()) {
            entries.add(intents.containsKey(kind)
                    ? direct.adopt(intents.get(kind), kind, spec, adoption.of(kind), journal, progress)
                    : direct.create(kind, spec, journal, progress));
        }
        return new CreatedResources(entries, outputs);
    }

    /**
     * The configure phase: every kind's configure, fed by what the create phase returned (for the kinds
     * Terraform created, its outputs: names and credentials, which configure uses and never resets).
     */
    @Override
    public ConfiguredResources configure(TenantResourceSpec spec, CreatedResources created,
                                         ProvisioningJournal journal, ProgressListener progress)
            throws ResourceException {
        return direct.configure(spec, created, journal, progress);
    }

    /** Journal first: an intent row for each kind the apply will create, engine {@value #NAME}. */
    private Map<ResourceKind, Long> intendTerraformKinds(TenantResourceSpec spec, ProvisioningJournal journal) {
        Map<ResourceKind, Long> intents = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : direct.kinds()) {
            if (module.terraformCreates().contains(kind)) {
                intents.put(kind, journal.intend(kind, direct.nameOf(kind, spec.slug()), NAME));
            }
        }
        return intents;
    }

    /**
     * {@code destroy -auto-approve} in the tenant's workspace (with the variables of the run that created
     * it, when this machine still has them), {@code workspace delete}, the working folder; then every
     * driver's destroy (idempotent: what Terraform removed is already gone). Every part is attempted;
     * returns one entry per failure.
     */
    @Override
    public List<String> destroy(Slug slug, ProgressListener progress) {
        List<String> errors = new ArrayList<>();
        Optional<Secret> stateKey = encryption.existingKey(slug);
        boolean terraformDone = false;
        try {
            destroyTerraformPart(slug, stateKey, progress);
            terraformDone = true;
        } catch (RuntimeException e) { // TerraformException (lock, destroy, timeout), UncheckedIOException (folder)
            errors.add(NAME + ": " + e.getMessage());
            progress.event("rollback", "could not destroy the terraform part of " + slug + ": " + e.getMessage()
                    + "; the drivers destroy what they find and the sweep checks");
        }
        try {
            errors.addAll(direct.destroy(slug, progress));
        } catch (RuntimeException e) {
            errors.add(DirectEngine.NAME + ": " + e.getMessage());
        }
        if (!terraformDone && stateKey.isPresent()) {
            // the drivers cleared the vault; the workspace's encrypted state still needs its key to be destroyed
            direct.vault().put(slug, StateEncryption.VAULT_NAME, stateKey.get());
            progress.event("rollback", "kept the state key of " + slug + " in the vault: its Terraform workspace "
                    + "is still there; run the rollback again");
        }
        return errors;
    }

    /**
     * The drift check of what Terraform owns: {@code plan -detailed-exitcode} in the tenant's workspace, with
     * the variables of the run that created it. Empty when Terraform would change nothing; else one line per
     * change it would make (someone changed or deleted a resource Terraform manages). The plan is never applied.
     */
    @Override
    public List<String> drift(Slug slug, ProgressListener progress) {
        TerraformRunner tf = openExisting(slug, progress);
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        try {
            return plan.hasChanges() ? tf.show(plan.planFile()).describe() : List.of();
        } finally {
            deletePlan(plan.planFile(), progress);
        }
    }

    /** {@code state list} of the tenant's workspace: the addresses Terraform manages for it. */
    @Override
    public List<String> stateList(Slug slug, ProgressListener progress) {
        return openExisting(slug, progress).stateList();
    }

    /** The tenant's workspace, opened with the variables of the run that created it and its state key. */
    private TerraformRunner openExisting(Slug slug, ProgressListener progress) {
        Path rootDir = TenantWorkspace.rootDir(workRoot, module.source(), slug);
        String saved = TenantWorkspace.savedVariables(rootDir).orElseThrow(() -> new TerraformException(
                TerraformErrorCode.INVALID_USAGE, "no variables of the run that created " + slug + " in " + rootDir
                        + ": its Terraform workspace cannot be read from this machine"));
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, earlierSource(rootDir), module.destroyVariables(slug),
                backend);
        TenantWorkspace.write(ws.dir().resolve(TenantWorkspace.TFVARS_FILE), saved);
        return ws.open(runner(progress, encryption.existingKey(slug)));
    }

    /**
     * The root as the run that wrote the state composed it (its copy's parts), else as this deployment
     * composes it: destroying with fewer parts would leave resources whose provider is no longer configured.
     */
    private ModuleSource earlierSource(Path rootDir) {
        return TenantWorkspace.composedParts(rootDir).map(parts -> module.source().withParts(parts))
                .orElse(module.source());
    }

    /** The per-tenant working folders' parent. */
    public Path workRoot() {
        return workRoot;
    }

    public TenantModule module() {
        return module;
    }

    private void destroyTerraformPart(Slug slug, Optional<Secret> stateKey, ProgressListener progress) {
        Path rootDir = TenantWorkspace.rootDir(workRoot, module.source(), slug);
        Optional<String> saved = TenantWorkspace.savedVariables(rootDir);
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, earlierSource(rootDir), module.destroyVariables(slug),
                backend);
        if (saved.isPresent()) {
            TenantWorkspace.write(ws.dir().resolve(TenantWorkspace.TFVARS_FILE), saved.get());
        } else {
            progress.event("rollback", "no variables of an earlier run in " + rootDir
                    + "; destroying with variables derived from the slug");
        }
        TerraformRunner tf = ws.open(runner(progress, stateKey));
        ApplyResult destroyed = tf.destroy(DestroyOptions.DEFAULTS);
        tf.workspaceDelete(ws.workspaceName());
        ws.remove();
        progress.event("rollback", "terraform destroyed " + destroyed.destroyed() + " resources and deleted workspace "
                + ws.workspaceName());
    }

    /**
     * Plain outputs into {@code outputs}; sensitive ones no adopted kind takes as its credential into the
     * vault (the bound ones reach it once, as the kind's secret); logs names only.
     */
    private void keep(Slug slug, TerraformAdoption adoption, Map<String, String> outputs, ProgressListener progress) {
        adoption.plainTexts().forEach((name, text) -> outputs.put(OUTPUT_PREFIX + name, text));
        for (Map.Entry<String, Secret> e : adoption.unboundSecrets().entrySet()) {
            direct.vault().put(slug, OUTPUT_PREFIX + e.getKey(), e.getValue());
            progress.event(NAME, "stored sensitive output " + e.getKey() + " in the vault");
        }
    }

    /**
     * A runner whose lines reach both its own listener and this call's progress (once if they are one), with
     * the tenant's state encryption when it has a key.
     */
    private TerraformProcessRunner runner(ProgressListener progress, Optional<Secret> stateKey) {
        TerraformProcessRunner encrypted = stateKey.map(k -> process
                .withSecretEnvironment(StateEncryption.environment(k)).withMasked(List.of(k))).orElse(process);
        ProgressListener log = process.listener();
        if (log == progress) {
            return encrypted;
        }
        return encrypted.withListener((step, message) -> {
            log.event(step, message);
            progress.event(step, message);
        });
    }

    /** Never throws: it runs in a finally block and must not hide the apply's own failure. */
    static void deletePlan(Path planFile, ProgressListener progress) {
        try {
            Files.deleteIfExists(planFile);
        } catch (IOException e) {
            progress.event(NAME, "could not delete the plan file " + planFile + " (" + e.getMessage()
                    + "); it holds sensitive values: delete it by hand");
        }
    }
}
