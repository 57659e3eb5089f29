package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenantprovisioning.engine.EnginePlan;
import io.tenantprovisioning.engine.PlanBindingException;
import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.TenantResourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plans saved before approval and applied after it (issue #16 item 6): the plan is made once, in the
 * tenant's own working folder (the composed root, its variables, its encrypted state), and stays there
 * (mode 600: a plan embeds state and sensitive values) until the apply. Before the apply, {@link #verify}
 * proves that what would be applied is what was approved: the file is there, its SHA-256 is the approved
 * one, and the root and variables this deployment would use now are the ones the plan was made from (a
 * saved plan carries its own copy of the configuration, so a changed root would otherwise go unnoticed).
 */
final class SavedPlans {

    /** Where {@link #verify} composes the current root to compare it with the planned one; under workRoot. */
    static final String CHECK_FOLDER = ".inputs-check";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path workRoot;
    private final TenantModule module;
    private final BackendConfig backend;

    SavedPlans(Path workRoot, TenantModule module, BackendConfig backend) {
        this.workRoot = workRoot;
        this.module = module;
        this.backend = backend;
    }

    /** A fresh working folder, init, workspace, {@code plan -out}, {@code show -json}: the plan approvers see. */
    EnginePlan plan(TenantResourceSpec spec, TerraformProcessRunner runner, ProgressListener progress) {
        TenantWorkspace ws = TenantWorkspace.prepare(workRoot, module.source(), module.variables(spec), backend);
        TerraformRunner tf = ws.open(runner);
        PlanResult plan = tf.plan(PlanOptions.DEFAULTS);
        ownerOnly(plan.planFile());
        PlanSummary summary = tf.show(plan.planFile());
        progress.event(TerraformEngine.NAME, "saved plan for approval in workspace " + ws.workspaceName()
                + " (plan SHA-256 " + summary.planSha256() + "):");
        summary.describe().forEach(line -> progress.event(TerraformEngine.NAME, "  " + line));
        return new EnginePlan(TerraformEngine.NAME, summary.planSha256(), summary.describe());
    }

    /** The saved plan of {@code slug}: the file {@link #plan} wrote. */
    Path planFile(Slug slug) {
        return TenantWorkspace.rootDir(workRoot, module.source(), slug).resolve(PlanOptions.DEFAULTS.out());
    }

    /** The folder {@link #plan} prepared, opened as it is (init, workspace select), ready to apply. */
    TerraformRunner open(Slug slug, TerraformProcessRunner runner) {
        return TenantWorkspace.existing(workRoot, module.source(), slug, backend).open(runner);
    }

    /**
     * @throws PlanBindingException when the plan file is missing, has another SHA-256 than {@code approvedSha256},
     *                              or the root or variables differ from those the plan was made from
     */
    void verify(TenantResourceSpec spec, String approvedSha256) {
        Slug slug = spec.slug();
        Path file = planFile(slug);
        if (!Files.isRegularFile(file)) {
            throw new PlanBindingException("the approved plan of tenant '" + slug + "' (SHA-256 " + approvedSha256
                    + ") is not in its working folder (" + file + "); nothing was applied");
        }
        String actual = sha256(file);
        if (!actual.equals(approvedSha256)) {
            throw new PlanBindingException("the saved plan of tenant '" + slug + "' has SHA-256 " + actual
                    + ", but the approved plan had " + approvedSha256 + "; nothing was applied");
        }
        Path checkRoot = workRoot.resolve(CHECK_FOLDER);
        TenantWorkspace now = TenantWorkspace.prepare(checkRoot, module.source(), module.variables(spec), backend);
        try {
            Path planned = TenantWorkspace.existing(workRoot, module.source(), slug, backend).copyRoot();
            if (!fingerprint(planned).equals(fingerprint(now.copyRoot()))) {
                throw new PlanBindingException("the root module or the variables of tenant '" + slug
                        + "' changed since plan " + approvedSha256 + " was made and approved; nothing was applied");
            }
        } finally {
            now.remove();
        }
    }

    /** The apply; a plan Terraform refuses as stale, or one whose hash changed meanwhile, is a binding refusal. */
    static ApplyResult apply(TerraformRunner tf, Path planFile, String sha256) {
        try {
            return tf.apply(planFile, sha256);
        } catch (TerraformException e) {
            boolean stale = e.diagnostics().stream().anyMatch(d -> d.summary().contains("Saved plan is stale"));
            if (stale || e.code() == TerraformErrorCode.PLAN_NOT_APPROVED) {
                throw new PlanBindingException((stale ? "Terraform refused the saved plan " + sha256 + " as stale "
                        + "(the state changed since it was made)" : e.getMessage()) + "; nothing was applied", e);
            }
            throw e;
        }
    }

    /**
     * SHA-256 over every configuration file of a working folder (relative path and content; JSON files in
     * canonical key order, so two renderings of the same variables agree), leaving out what init and plan
     * add: the .terraform folder, the lock file and plan files.
     */
    static String fingerprint(Path copyRoot) {
        MessageDigest digest = sha256Digest();
        try (Stream<Path> paths = Files.walk(copyRoot)) {
            List<Path> files = paths.filter(Files::isRegularFile).filter(p -> included(copyRoot.relativize(p)))
                    .sorted().toList();
            for (Path f : files) {
                digest.update(copyRoot.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(canonical(f));
                digest.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Terraform working folder " + copyRoot, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean included(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".terraform")) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return !name.endsWith(".tfplan") && !name.equals(".terraform.lock.hcl");
    }

    private static byte[] canonical(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!file.getFileName().toString().endsWith(".json")) {
            return bytes;
        }
        return CANONICAL.writeValueAsBytes(CANONICAL.readValue(bytes, Object.class));
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(sha256Digest().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new PlanBindingException("cannot read the saved plan " + file + " (" + e.getMessage()
                    + "); nothing was applied", e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A saved plan holds state and sensitive values: readable by this user only. */
    static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new TerraformException(TerraformErrorCode.PLAN_FAILED, "cannot make the saved plan " + file
                    + " readable by its owner only: " + e.getMessage());
        }
    }
}
