package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenantprovisioning.request.Slug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One tenant's Terraform working folder: a fresh copy of the module tree under
 * {@code <workRoot>/<slug>/}, plus two generated files in the root module: {@code tenant.auto.tfvars.json}
 * (the tenant's variables) and {@code backend_override.tf.json} (the state backend; an override file
 * replaces whatever backend the root module declares). State lives in workspace {@code t-<slug>}.
 *
 * <p>The folder holds no secret (the backend's connection string travels in the environment) but a
 * saved plan can: plans embed state and sensitive values, so keep {@code workRoot} private.
 */
public final class TenantWorkspace {

    public static final String TFVARS_FILE = "tenant.auto.tfvars.json";
    public static final String BACKEND_OVERRIDE_FILE = "backend_override.tf.json";
    public static final Path PLAN_FILE = Path.of("tenant.tfplan");
    /** The exact versions of the providers the mirror holds (an override of the parts' constraints). */
    public static final String PINS_OVERRIDE_FILE = "provider_pins_override.tf.json";

    /** Never copied from the source tree: local state, caches and plans of earlier runs. */
    private static final Set<String> SKIPPED_FILES = Set.of("terraform.tfstate", "terraform.tfstate.backup",
            ".terraform.tfstate.lock.info", TFVARS_FILE, BACKEND_OVERRIDE_FILE, PINS_OVERRIDE_FILE);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Slug slug;
    private final Path copyRoot;
    private final Path dir;
    private final BackendConfig backend;

    private TenantWorkspace(Slug slug, Path copyRoot, Path dir, BackendConfig backend) {
        this.slug = slug;
        this.copyRoot = copyRoot;
        this.dir = dir;
        this.backend = backend;
    }

    /**
     * (Re)builds the folder: removes an earlier copy for this slug, copies the tree, writes the two
     * generated files. Rollback calls this again with the same variables before {@code destroy}.
     */
    public static TenantWorkspace prepare(Path workRoot, ModuleSource source, TenantVariables variables,
                                          BackendConfig backend) {
        Objects.requireNonNull(backend, "backend");
        Path copyRoot = copyRoot(workRoot, variables.slug());
        Path dir = rootDir(workRoot, source, variables.slug());
        try {
            deleteTree(copyRoot);
            copyTree(source.tree(), copyRoot);
            JSON.writeValue(dir.resolve(TFVARS_FILE).toFile(), variables.toTfvars());
            JSON.writeValue(dir.resolve(BACKEND_OVERRIDE_FILE).toFile(),
                    Map.of("terraform", Map.of("backend", Map.of(backend.type(), backend.settings()))));
            compose(source, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Terraform working folder " + copyRoot, e);
        }
        return new TenantWorkspace(variables.slug(), copyRoot, dir, backend);
    }

    /** The folder {@link #prepare} made earlier for {@code slug}, taken as it is: nothing is rewritten. */
    public static TenantWorkspace existing(Path workRoot, ModuleSource source, Slug slug, BackendConfig backend) {
        return new TenantWorkspace(slug, copyRoot(workRoot, slug), rootDir(workRoot, source, slug),
                Objects.requireNonNull(backend, "backend"));
    }

    /**
     * Where {@link #prepare} puts the root module of {@code slug}: read its {@link #TFVARS_FILE} before
     * preparing again to reuse the variables of the run that wrote the state.
     */
    public static Path rootDir(Path workRoot, ModuleSource source, Slug slug) {
        return copyRoot(workRoot, slug).resolve(source.rootModule()).normalize();
    }

    private static Path copyRoot(Path workRoot, Slug slug) {
        return workRoot.toAbsolutePath().normalize().resolve(slug.value());
    }

    public Slug slug() {
        return slug;
    }

    /** The whole copy (root module and the modules it uses). */
    Path copyRoot() {
        return copyRoot;
    }

    /** The root module's folder: where every command runs. */
    public Path dir() {
        return dir;
    }

    /** {@code t-<slug>}: the workspace that holds this tenant's state. */
    public String workspaceName() {
        return nameOf(slug);
    }

    /** {@code t-<slug>}: the workspace that holds {@code slug}'s state. */
    public static String nameOf(Slug slug) {
        return "t-" + slug.value();
    }

    public BackendConfig backend() {
        return backend;
    }

    /** A runner for this folder, with the backend's secret environment and lock inspector. */
    public TerraformRunner runner(TerraformProcessRunner base) {
        TerraformProcessRunner process = base.withSecretEnvironment(backend.secretEnvironment())
                .withMasked(backend.masked());
        return new TerraformRunner(process, dir, backend.lockInspector());
    }

    /** {@link #runner}, then {@code init} and {@code workspace select -or-create t-<slug>}: ready to plan. */
    public TerraformRunner open(TerraformProcessRunner base) {
        TerraformRunner runner = runner(base);
        runner.init(InitOptions.DEFAULTS);
        runner.workspaceSelectOrCreate(workspaceName());
        return runner;
    }

    /** Deletes the folder (after destroy and workspace delete; the state lives in the backend). */
    public void remove() {
        try {
            deleteTree(copyRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + copyRoot, e);
        }
    }

    /**
     * Adds each part's files to the root's copy as {@code <part>_<file>} and pins the mirror's providers.
     * The copy's {@value RootPart#PARTS_FOLDER}/ stays: OpenTofu reads only the root folder's own files.
     */
    private static void compose(ModuleSource source, Path dir) throws IOException {
        for (String part : source.parts()) {
            Path from = dir.resolve(RootPart.PARTS_FOLDER).resolve(part);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList()) {
                    Files.copy(f, dir.resolve(part + "_" + f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!source.providerPins().isEmpty()) {
            Map<String, Object> required = new java.util.TreeMap<>();
            source.providerPins().forEach((src, version) -> required.put(src.substring(src.indexOf('/') + 1),
                    Map.of("source", src, "version", "= " + version)));
            JSON.writeValue(dir.resolve(PINS_OVERRIDE_FILE).toFile(),
                    Map.of("terraform", Map.of("required_providers", required)));
        }
    }

    /**
     * The parts an earlier copy in {@code rootDir} was composed of (its {@code <part>_main.tf} files), or
     * empty when there is no earlier copy: a destroy must see the providers the state was written with.
     */
    public static java.util.Optional<List<String>> composedParts(Path rootDir) {
        if (!Files.isDirectory(rootDir)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.list(rootDir)) {
            return java.util.Optional.of(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_main.tf")).map(n -> n.substring(0, n.length() - "_main.tf".length()))
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the earlier Terraform working folder " + rootDir, e);
        }
    }

    /** The variables file of an earlier run in {@code rootDir}, if this machine still has it. */
    static Optional<String> savedVariables(Path rootDir) {
        Path file = rootDir.resolve(TenantWorkspace.TFVARS_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the variables of the earlier run, " + file, e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (d.getFileName() != null && d.getFileName().toString().equals(".terraform") && !d.equals(from)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String name = f.getFileName().toString();
                if (!SKIPPED_FILES.contains(name) && !name.endsWith(".tfplan")) {
                    Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder tree without following symbolic links out of it. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
