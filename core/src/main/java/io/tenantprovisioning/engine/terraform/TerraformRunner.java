package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Terraform/OpenTofu commands in one working folder, one method per command (modelled on
 * terraform-exec): typed options in, typed results out, failures as {@link TerraformException}s.
 * Only JSON is parsed; human output is only relayed to the log. The runner never force-unlocks.
 *
 * <p>Construct with {@link TenantWorkspace#runner} (which adds the backend's secret environment), or
 * directly for a folder you prepared yourself.
 */
public final class TerraformRunner {

    static final String LOCK_SUMMARY = "Error acquiring the state lock";

    private final TerraformProcessRunner process;
    private final Path dir;
    private final LockInspector locks;
    private final ObjectMapper mapper = new ObjectMapper();

    public TerraformRunner(TerraformProcessRunner process, Path dir, LockInspector locks) {
        this.process = Objects.requireNonNull(process, "process");
        this.dir = dir.toAbsolutePath();
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    public Path dir() {
        return dir;
    }

    /** {@code init -input=false -no-color …}. */
    public void init(InitOptions options) {
        requireSuccess(process.run(argv(options), dir, TerraformProcessRunner.Output.TEXT),
                TerraformErrorCode.INIT_FAILED, "init");
    }

    /** {@code workspace select -no-color -or-create <name>}: one state per tenant ({@code t-<slug>}). */
    public void workspaceSelectOrCreate(String name) {
        requireSuccess(process.run(workspaceSelectArgv(name), dir, TerraformProcessRunner.Output.TEXT),
                TerraformErrorCode.WORKSPACE_FAILED, "workspace select " + name);
    }

    /**
     * Deletes an (empty) workspace after selecting {@code default}. Without {@code -force}, so it
     * refuses while the workspace still holds resources: destroy first.
     */
    public void workspaceDelete(String name) {
        requireSuccess(process.run(workspaceSelectArgv("default"), dir, TerraformProcessRunner.Output.TEXT),
                TerraformErrorCode.WORKSPACE_FAILED, "workspace select default");
        requireSuccess(process.run(workspaceDeleteArgv(name), dir, TerraformProcessRunner.Output.TEXT),
                TerraformErrorCode.WORKSPACE_FAILED, "workspace delete " + name);
    }

    /** {@code plan … -detailed-exitcode}: exit 0 no changes, 2 changes, anything else a failure. */
    public PlanResult plan(PlanOptions options) {
        TerraformProcessRunner.Execution e = process.run(argv(options), dir, TerraformProcessRunner.Output.EVENTS);
        List<Diagnostic> warnings = warnings(e);
        return switch (e.exitCode()) {
            case 0 -> new PlanResult(PlanStatus.NO_CHANGES, dir.resolve(options.out()), warnings);
            case 2 -> new PlanResult(PlanStatus.CHANGES, dir.resolve(options.out()), warnings);
            default -> throw failure(TerraformErrorCode.PLAN_FAILED, "plan", e);
        };
    }

    /** {@code show -json <plan>}: what the saved plan does, by address, with the plan file's hash. */
    public PlanSummary show(Path planFile) {
        TerraformProcessRunner.Execution e = process.run(showPlanArgv(planFile), dir,
                TerraformProcessRunner.Output.CAPTURE);
        requireSuccess(e, TerraformErrorCode.SHOW_FAILED, "show " + planFile);
        return PlanSummary.fromShowJson(json(e, "show -json " + planFile), sha256(dir.resolve(planFile)));
    }

    /** {@code apply -json -input=false <plan>}; on failure the exception lists the partial state. */
    public ApplyResult apply(Path planFile) {
        return applyLike(applyArgv(planFile), "apply", TerraformErrorCode.APPLY_FAILED);
    }

    /**
     * Applies {@code planFile} only if it is byte-for-byte the plan that was approved: its SHA-256 must
     * equal {@code approvedSha256} ({@link PlanSummary#planSha256()} recorded with the approval).
     */
    public ApplyResult apply(Path planFile, String approvedSha256) {
        String actual = sha256(dir.resolve(planFile));
        if (!actual.equalsIgnoreCase(Objects.requireNonNull(approvedSha256, "approvedSha256"))) {
            throw new TerraformException(TerraformErrorCode.PLAN_NOT_APPROVED, "plan file " + planFile
                    + " has SHA-256 " + actual + " but the approved plan had " + approvedSha256
                    + "; nothing was applied: plan again and get the new plan approved");
        }
        return apply(planFile);
    }

    /** {@code destroy -json -auto-approve -input=false …}; on failure the exception lists what is left. */
    public ApplyResult destroy(DestroyOptions options) {
        return applyLike(argv(options), "destroy", TerraformErrorCode.DESTROY_FAILED);
    }

    /** {@code output -json}: sensitive values come back only as {@link io.tenantprovisioning.config.Secret}s. */
    public TerraformOutputs output() {
        TerraformProcessRunner.Execution e = process.run(outputArgv(), dir, TerraformProcessRunner.Output.CAPTURE);
        requireSuccess(e, TerraformErrorCode.OUTPUT_FAILED, "output");
        return TerraformOutputs.fromOutputJson(json(e, "output -json"));
    }

    /** {@code show -json} on the current state: every resource address it holds (child modules too). */
    public List<String> stateList() {
        TerraformProcessRunner.Execution e = process.run(showStateArgv(), dir, TerraformProcessRunner.Output.CAPTURE);
        requireSuccess(e, TerraformErrorCode.SHOW_FAILED, "show (state)");
        List<String> addresses = new ArrayList<>();
        collectAddresses(json(e, "show -json").path("values").path("root_module"), addresses);
        return addresses;
    }

    // ---- argv builders: package-private so tests compare them exactly, without a binary ----

    static List<String> argv(InitOptions o) {
        List<String> a = new ArrayList<>(List.of("init", "-input=false", "-no-color"));
        if (!o.backend()) {
            a.add("-backend=false");
        }
        if (o.reconfigure()) {
            a.add("-reconfigure");
        }
        o.backendConfig().forEach((k, v) -> a.add("-backend-config=" + k + "=" + v));
        return a;
    }

    static List<String> workspaceSelectArgv(String name) {
        return List.of("workspace", "select", "-no-color", "-or-create", requireName(name));
    }

    static List<String> workspaceDeleteArgv(String name) {
        return List.of("workspace", "delete", "-no-color", requireName(name));
    }

    static List<String> argv(PlanOptions o) {
        List<String> a = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-out=" + o.out(), "-json",
                "-detailed-exitcode"));
        if (o.destroy()) {
            a.add("-destroy");
        }
        if (!o.lockTimeout().isZero()) {
            a.add("-lock-timeout=" + goDuration(o.lockTimeout()));
        }
        o.varFiles().forEach(f -> a.add("-var-file=" + f));
        return a;
    }

    static List<String> showPlanArgv(Path planFile) {
        return List.of("show", "-json", "-no-color", planFile.toString());
    }

    static List<String> showStateArgv() {
        return List.of("show", "-json", "-no-color");
    }

    static List<String> applyArgv(Path planFile) {
        return List.of("apply", "-json", "-input=false", planFile.toString());
    }

    static List<String> outputArgv() {
        return List.of("output", "-json", "-no-color");
    }

    static List<String> argv(DestroyOptions o) {
        List<String> a = new ArrayList<>(List.of("destroy", "-json", "-auto-approve", "-input=false"));
        if (!o.lockTimeout().isZero()) {
            a.add("-lock-timeout=" + goDuration(o.lockTimeout()));
        }
        o.varFiles().forEach(f -> a.add("-var-file=" + f));
        return a;
    }

    // ---- results and failures ----

    private ApplyResult applyLike(List<String> args, String operation, TerraformErrorCode code) {
        TerraformProcessRunner.Execution e = process.run(args, dir, TerraformProcessRunner.Output.EVENTS);
        List<String> completed = hookAddresses(e, UiEvent.ApplyHook.Phase.COMPLETE);
        if (e.exitCode() != 0) {
            TerraformException lock = lockFailure(e);
            if (lock != null) {
                throw lock;
            }
            List<Diagnostic> diagnostics = new ArrayList<>(e.diagnostics());
            List<String> inState = partialState(diagnostics);
            List<String> untracked = e.events().stream().filter(UiEvent.ApplyHook.class::isInstance)
                    .map(UiEvent.ApplyHook.class::cast)
                    .filter(h -> h.phase() == UiEvent.ApplyHook.Phase.COMPLETE && !h.action().equals("delete"))
                    .map(UiEvent.ApplyHook::address).filter(a -> !inState.contains(a)).toList();
            throw new ApplyFailedException(code, operation, completed,
                    hookAddresses(e, UiEvent.ApplyHook.Phase.ERRORED), inState, untracked, diagnostics, e.stderr());
        }
        UiEvent.ChangeSummary summary = e.events().stream().filter(UiEvent.ChangeSummary.class::isInstance)
                .map(UiEvent.ChangeSummary.class::cast).reduce((first, second) -> second)
                .orElse(new UiEvent.ChangeSummary(operation, 0, 0, 0, 0, 0));
        return new ApplyResult(operation, completed, summary.add(), summary.change(), summary.remove(), warnings(e));
    }

    /** The state after a failed apply; a failure to read it becomes a warning, not a second exception. */
    private List<String> partialState(List<Diagnostic> diagnostics) {
        try {
            return stateList();
        } catch (TerraformException ex) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, "could not read the state after the failure",
                    ex.getMessage(), "", "", 0));
            return List.of();
        }
    }

    private void requireSuccess(TerraformProcessRunner.Execution e, TerraformErrorCode code, String what) {
        if (e.exitCode() != 0) {
            throw failure(code, what, e);
        }
    }

    private TerraformException failure(TerraformErrorCode code, String what, TerraformProcessRunner.Execution e) {
        TerraformException lock = lockFailure(e);
        return lock != null ? lock : new TerraformException(code, "'" + process.binary() + " " + what
                + "' failed in " + dir + " (exit " + e.exitCode() + ")", e.diagnostics(), e.stderr());
    }

    /** A StateLockedException when an error diagnostic is the lock error; null otherwise. */
    private StateLockedException lockFailure(TerraformProcessRunner.Execution e) {
        for (Diagnostic d : e.diagnostics()) {
            if (d.isError() && d.summary().startsWith(LOCK_SUMMARY)) {
                LockInfo info = LockInfo.parse(d.detail())
                        .orElse(new LockInfo("", "", "", "", "", "", "", d.detail().strip()));
                String workspace = currentWorkspace();
                List<LockHolder> holders = locks.holders(workspace);
                String unlock = locks.supportsForceUnlock() && !info.id().isEmpty()
                        ? process.binary() + " -chdir=" + dir + " force-unlock " + info.id() : null;
                return new StateLockedException(workspace, info, locks.backendType(), holders, unlock,
                        e.diagnostics(), e.stderr());
            }
        }
        return null;
    }

    /** What 'workspace select' recorded in the data folder (the file Terraform itself reads). */
    private String currentWorkspace() {
        Path file = dir.resolve(".terraform").resolve("environment");
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : "default";
        } catch (IOException ex) {
            return "default";
        }
    }

    private JsonNode json(TerraformProcessRunner.Execution e, String what) {
        try {
            return mapper.readTree(e.stdout());
        } catch (JsonProcessingException ex) {
            // never quote stdout: it can hold sensitive values
            throw new TerraformException(TerraformErrorCode.UNEXPECTED_OUTPUT, what + " did not print valid JSON ("
                    + ex.getOriginalMessage() + ")");
        }
    }

    private static void collectAddresses(JsonNode module, List<String> out) {
        for (JsonNode r : module.path("resources")) {
            out.add(r.path("address").asText());
        }
        for (JsonNode child : module.path("child_modules")) {
            collectAddresses(child, out);
        }
    }

    private static List<String> hookAddresses(TerraformProcessRunner.Execution e, UiEvent.ApplyHook.Phase phase) {
        return e.events().stream().filter(UiEvent.ApplyHook.class::isInstance).map(UiEvent.ApplyHook.class::cast)
                .filter(h -> h.phase() == phase).map(UiEvent.ApplyHook::address).toList();
    }

    private static List<Diagnostic> warnings(TerraformProcessRunner.Execution e) {
        return e.diagnostics().stream().filter(d -> !d.isError()).toList();
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException ex) {
            throw new TerraformException(TerraformErrorCode.SHOW_FAILED, "cannot read plan file " + file, ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }

    /** Go duration syntax: whole seconds as "30s", anything finer in milliseconds. */
    private static String goDuration(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,89}")) {
            throw new TerraformException(TerraformErrorCode.INVALID_USAGE, "workspace name '" + name
                    + "' must be 1-90 of A-Z a-z 0-9 _ -, starting with a letter or digit");
        }
        return name;
    }
}
