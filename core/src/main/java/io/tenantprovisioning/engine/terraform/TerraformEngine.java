package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.FailurePoints;
import io.tenantprovisioning.engine.ProvisioningEngine;
import io.tenantprovisioning.engine.ProvisioningJournal;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code terraform} engine: Terraform/OpenTofu creates the tenant's infrastructure from a root
 * module ({@link TenantModule}) in a per-tenant folder under {@code DATA_DIR/terraform}, with the
 * tenant's own state (workspace {@code t-<slug>}); then the {@link DirectEngine} given here does the
 * configure part providers do badly (tables and RLS, the Redis ACL user, vector seeding, the
 * monitoring target). Its drivers are idempotent: with real providers they adopt what Terraform
 * created; with the provider-free root ({@value TenantModule#PROVIDER_FREE_DIR}) they create the real
 * local resources.
 *
 * <p>The Terraform part writes no journal row. {@code ResourceKind} has no Terraform kind (the
 * registry refuses unknown kinds when reading entries back), and a row under a borrowed kind would
 * show, say, a second postgres resource beside the driver's own. The durable record of what Terraform
 * created is its state, which Terraform itself writes during apply and which {@link #destroy} finds
 * again from the slug alone. The plan summary goes to the progress listener; the plan's SHA-256 and
 * the plain outputs are returned (prefixed {@value #OUTPUT_PREFIX}); sensitive outputs go to the vault.
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
    private final DirectEngine configure;
    private final FailurePoints failurePoints;

    /**
     * @param process   the runner; its listener receives every Terraform line, and so does the
     *                  progress listener of each call
     * @param workRoot  parent of the per-tenant working folders (keep it private: plans hold state)
     * @param configure the configure step, run after apply; its vault also receives sensitive outputs
     */
    public TerraformEngine(TerraformProcessRunner process, TenantModule module, BackendConfig backend, Path workRoot,
                           DirectEngine configure, FailurePoints failurePoints) {
        this.module = Objects.requireNonNull(module, "module");
        this.process = process.withSecretEnvironment(module.providerEnvironment());
        this.backend = Objects.requireNonNull(backend, "backend");
        this.workRoot = workRoot.toAbsolutePath().normalize();
        this.configure = Objects.requireNonNull(configure, "configure");
        this.failurePoints = Objects.requireNonNull(failurePoints, "failurePoints");
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
        TerraformProcessRunner process = new TerraformProcessRunner(settings.string(Setting.TERRAFORM_BIN),
                launcher, listener);
        return new TerraformEngine(process, TenantModule.fromSettings(settings, repositoryRoot, moduleDir),
                PgBackend.fromSettings(settings, PgBackend.DEFAULT_SCHEMA),
                settings.dataDir().resolve(WORK_FOLDER), directEngine, failurePoints);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * init, workspace, plan, show (reported), apply of exactly the shown plan, outputs; then the configure
     * step. Returns the plan's SHA-256, the workspace, the plain outputs and the configure step's outputs.
     */
    @Override
    public Map<String, String> provision(TenantResourceSpec spec, ProvisioningJournal journal,
                                         ProgressListener progress) throws ResourceException {
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, module.source(), module.variables(spec), backend);
        TerraformRunner tf = ws.open(runner(progress));
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        PlanSummary summary = tf.show(plan.planFile());
        progress.event(NAME, "plan for workspace " + ws.workspaceName() + " (plan SHA-256 "
                + summary.planSha256() + "):");
        summary.describe().forEach(line -> progress.event(NAME, "  " + line));
        failurePoints.reach(FAIL_STEP);
        ApplyResult applied;
        try {
            applied = tf.apply(plan.planFile(), summary.planSha256());
        } finally {
            deletePlan(plan.planFile(), progress); // a saved plan holds state and sensitive values
        }
        progress.event(NAME, "applied " + ws.workspaceName() + ": " + applied.added() + " added, "
                + applied.changed() + " changed, " + applied.destroyed() + " destroyed");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(WORKSPACE, ws.workspaceName());
        outputs.put(PLAN_SHA256, summary.planSha256());
        outputs.put(PLAN_SUMMARY, String.join("; ", summary.describe()));
        keep(spec.slug(), tf.output(), outputs, progress);
        outputs.putAll(configure.provision(spec, journal, progress));
        return outputs;
    }

    /**
     * {@code destroy -auto-approve} in the tenant's workspace (with the variables of the run that created
     * it, when this machine still has them), {@code workspace delete}, the working folder; then the
     * configure step's destroy. Every part is attempted; returns one entry per failure.
     */
    @Override
    public List<String> destroy(Slug slug, ProgressListener progress) {
        List<String> errors = new ArrayList<>();
        try {
            destroyTerraformPart(slug, progress);
        } catch (RuntimeException e) { // TerraformException (lock, destroy), UncheckedIOException (folder)
            errors.add(NAME + ": " + e.getMessage());
            progress.event("rollback", "could not destroy the terraform part of " + slug + ": " + e.getMessage());
        }
        try {
            errors.addAll(configure.destroy(slug, progress));
        } catch (RuntimeException e) {
            errors.add(DirectEngine.NAME + ": " + e.getMessage());
        }
        return errors;
    }

    /** The per-tenant working folders' parent. */
    public Path workRoot() {
        return workRoot;
    }

    public TenantModule module() {
        return module;
    }

    private void destroyTerraformPart(Slug slug, ProgressListener progress) {
        Path rootDir = TenantWorkspace.rootDir(workRoot, module.source(), slug);
        Optional<String> saved = savedVariables(rootDir);
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, module.source(), module.destroyVariables(slug),
                backend);
        if (saved.isPresent()) {
            write(ws.dir().resolve(TenantWorkspace.TFVARS_FILE), saved.get());
        } else {
            progress.event("rollback", "no variables of an earlier run in " + rootDir
                    + "; destroying with variables derived from the slug");
        }
        TerraformRunner tf = ws.open(runner(progress));
        ApplyResult destroyed = tf.destroy(DestroyOptions.DEFAULTS);
        tf.workspaceDelete(ws.workspaceName());
        ws.remove();
        progress.event("rollback", "terraform destroyed " + destroyed.destroyed() + " resources and deleted workspace "
                + ws.workspaceName());
    }

    /** Plain outputs into {@code outputs}, sensitive ones into the vault; logs names only. */
    private void keep(Slug slug, TerraformOutputs tfOutputs, Map<String, String> outputs, ProgressListener progress) {
        tfOutputs.plainTexts().forEach((name, text) -> outputs.put(OUTPUT_PREFIX + name, text));
        for (Map.Entry<String, Secret> e : tfOutputs.secrets().entrySet()) {
            configure.vault().put(slug, OUTPUT_PREFIX + e.getKey(), e.getValue());
            progress.event(NAME, "stored sensitive output " + e.getKey() + " in the vault");
        }
    }

    /** A runner whose lines reach both its own listener and this call's progress (once if they are one). */
    private TerraformProcessRunner runner(ProgressListener progress) {
        ProgressListener log = process.listener();
        if (log == progress) {
            return process;
        }
        return process.withListener((step, message) -> {
            log.event(step, message);
            progress.event(step, message);
        });
    }

    private static Optional<String> savedVariables(Path rootDir) {
        Path file = rootDir.resolve(TenantWorkspace.TFVARS_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the variables of the earlier run, " + file, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Never throws: it runs in a finally block and must not hide the apply's own failure. */
    private static void deletePlan(Path planFile, ProgressListener progress) {
        try {
            Files.deleteIfExists(planFile);
        } catch (IOException e) {
            progress.event(NAME, "could not delete the plan file " + planFile + " (" + e.getMessage()
                    + "); it holds sensitive values: delete it by hand");
        }
    }
}
