package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.engine.ChangeNotInPlaceException;
import io.tenantprovisioning.engine.EngineChange;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A change of a serving terraform tenant (issue #18): the tenant's root, composed of the parts its state was
 * written with, planned in the tenant's own workspace with the new variables, saved (mode 600) and hashed like a
 * new request's plan, and applied only as approved. The change is planned in its own folder
 * ({@value #CHANGE_FOLDER}/&lt;slug&gt;, same workspace and state): the tenant's working folder keeps the
 * variables of the configuration applied now, which drift and destroy start from, until the change is applied.
 * Anything but in-place updates (a create, delete, replace or forget) is refused at plan time and again before
 * the apply.
 */
final class TerraformChange implements EngineChange {

    static final String CHANGE_FOLDER = ".changes";
    static final String DRY_RUN_FOLDER = ".changes-dry-run";
    private static final Set<ChangeAction> IN_PLACE = EnumSet.of(ChangeAction.UPDATE, ChangeAction.NO_OP,
            ChangeAction.READ);

    private final Path workRoot;
    private final TenantModule module;
    private final BackendConfig backend;
    private final BiFunction<Slug, ProgressListener, TerraformProcessRunner> runners;

    /** @param runners the runner of a tenant's workspace (its state key) reporting to a call's progress */
    TerraformChange(Path workRoot, TenantModule module, BackendConfig backend,
                    BiFunction<Slug, ProgressListener, TerraformProcessRunner> runners) {
        this.workRoot = workRoot;
        this.module = module;
        this.backend = backend;
        this.runners = runners;
    }

    @Override
    public Set<ResourceKind> owns() {
        return module.terraformCreates();
    }

    @Override
    public EnginePlan plan(TenantResourceSpec after, boolean dryRun, ProgressListener progress) {
        Path root = workRoot.resolve(dryRun ? DRY_RUN_FOLDER : CHANGE_FOLDER);
        TenantWorkspace ws = TenantWorkspace.prepare(root, source(after.slug()), module.variables(after), backend);
        try {
            TerraformRunner tf = ws.open(runners.apply(after.slug(), progress));
            PlanResult planned = tf.plan(PlanOptions.DEFAULTS);
            SavedPlans.ownerOnly(planned.planFile());
            PlanSummary summary = tf.show(planned.planFile());
            requireInPlace(after.slug(), summary);
            progress.event(TerraformEngine.NAME, (dryRun ? "change plan (dry run, not kept)" : "saved change plan")
                    + " for workspace " + ws.workspaceName() + " (plan SHA-256 " + summary.planSha256() + "):");
            summary.describe().forEach(line -> progress.event(TerraformEngine.NAME, "  " + line));
            if (dryRun) {
                ws.remove();
            }
            return new EnginePlan(TerraformEngine.NAME, summary.planSha256(), summary.describe());
        } catch (RuntimeException e) {
            ws.remove(); // a refused or failed plan is never applied; it holds state and sensitive values
            throw e;
        }
    }

    @Override
    public void verify(TenantResourceSpec after, String approvedSha256) {
        Slug slug = after.slug();
        Path file = planFile(slug);
        if (!Files.isRegularFile(file)) {
            throw new PlanBindingException("the approved change plan of tenant '" + slug + "' (SHA-256 "
                    + approvedSha256 + ") is not in its change folder (" + file + "); nothing was applied");
        }
        String actual = SavedPlans.sha256(file);
        if (!actual.equals(approvedSha256)) {
            throw new PlanBindingException("the saved change plan of tenant '" + slug + "' has SHA-256 " + actual
                    + ", but the approved plan had " + approvedSha256 + "; nothing was applied");
        }
        TenantWorkspace now = TenantWorkspace.prepare(workRoot.resolve(SavedPlans.CHECK_FOLDER), source(slug),
                module.variables(after), backend);
        try {
            Path planned = TenantWorkspace.existing(workRoot.resolve(CHANGE_FOLDER), module.source(), slug, backend)
                    .copyRoot();
            if (!SavedPlans.fingerprint(planned).equals(SavedPlans.fingerprint(now.copyRoot()))) {
                throw new PlanBindingException("the root module or the variables of tenant '" + slug + "' changed "
                        + "since change plan " + approvedSha256 + " was made and approved; nothing was applied");
            }
        } finally {
            now.remove();
        }
    }

    @Override
    public void apply(TenantResourceSpec after, String approvedSha256, ProgressListener progress) {
        verify(after, approvedSha256);
        Slug slug = after.slug();
        TenantWorkspace ws = TenantWorkspace.existing(workRoot.resolve(CHANGE_FOLDER), source(slug), slug, backend);
        try {
            TerraformRunner tf = ws.open(runners.apply(slug, progress));
            requireInPlace(slug, tf.show(planFile(slug)));
            ApplyResult applied = SavedPlans.apply(tf, planFile(slug), approvedSha256);
            progress.event(TerraformEngine.NAME, "applied change plan " + approvedSha256 + " to "
                    + ws.workspaceName() + ": " + applied.added() + " added, " + applied.changed() + " changed, "
                    + applied.destroyed() + " destroyed");
            promote(ws);
        } finally {
            ws.remove(); // applied or not, a saved plan holds state and sensitive values; a new one is made if needed
        }
    }

    @Override
    public void restore(TenantResourceSpec before, ProgressListener progress) {
        Slug slug = before.slug();
        // the configuration approved earlier: planned and applied at once, in place only, as the previous one
        EnginePlan back = plan(before, false, progress);
        progress.event(TerraformEngine.NAME, "restoring the previous configuration of " + slug + " with plan "
                + back.sha256());
        apply(before, back.sha256(), progress);
    }

    @Override
    public void discard(Slug slug, ProgressListener progress) {
        Path copy = workRoot.resolve(CHANGE_FOLDER).resolve(slug.value());
        if (Files.isDirectory(copy)) {
            TenantWorkspace.existing(workRoot.resolve(CHANGE_FOLDER), module.source(), slug, backend).remove();
            progress.event(TerraformEngine.NAME, "discarded the saved change plan of " + slug);
        }
    }

    /** The saved change plan of {@code slug}. */
    Path planFile(Slug slug) {
        return TenantWorkspace.rootDir(workRoot.resolve(CHANGE_FOLDER), source(slug), slug)
                .resolve(PlanOptions.DEFAULTS.out());
    }

    /** The parts the tenant's state was written with: a change never adds or drops a part (a create or destroy). */
    private ModuleSource source(Slug slug) {
        Path rootDir = TenantWorkspace.rootDir(workRoot, module.source(), slug);
        return TenantWorkspace.composedParts(rootDir).map(parts -> module.source().withParts(parts))
                .orElseThrow(() -> new PlanBindingException("tenant '" + slug + "' has no Terraform working folder "
                        + "on this machine (" + rootDir + "): its change cannot be planned against the parts its "
                        + "state was written with; nothing was changed"));
    }

    private static void requireInPlace(Slug slug, PlanSummary summary) {
        if (summary.changes().stream().anyMatch(c -> !IN_PLACE.contains(c.action()))) {
            throw new ChangeNotInPlaceException("the change plan of tenant '" + slug + "' would "
                    + String.join("; ", summary.describe()) + ": a change of a serving tenant only updates its "
                    + "resources in place (it never creates, destroys or replaces one); refused, nothing was "
                    + "recorded or applied", summary.describe());
        }
    }

    /** The applied variables become the tenant's own: drift and destroy plan from them. */
    private void promote(TenantWorkspace change) {
        Path target = TenantWorkspace.rootDir(workRoot, module.source(), change.slug())
                .resolve(TenantWorkspace.TFVARS_FILE);
        try {
            Files.copy(change.dir().resolve(TenantWorkspace.TFVARS_FILE), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("the change was applied, but its variables could not be written to "
                    + target + "; drift will show the change until they are", e);
        }
    }
}
