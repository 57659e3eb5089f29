package io.tenantprovisioning.engine.terraform;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Terraform code comes from: a folder tree ({@code tree}) and the root module inside it
 * ({@code rootModule}). The whole tree is copied, so a root's relative {@code source = "../modules/x"}
 * keeps working in the per-tenant copy.
 */
public record ModuleSource(Path tree, String rootModule) {

    public ModuleSource {
        tree = tree.toAbsolutePath().normalize();
        if (rootModule == null || rootModule.isBlank() || Path.of(rootModule).isAbsolute()
                || Path.of(rootModule).normalize().startsWith("..")) {
            throw new IllegalArgumentException("root module '" + rootModule + "' must be a folder inside " + tree);
        }
        if (!Files.isDirectory(tree.resolve(rootModule))) {
            throw new IllegalArgumentException("root module folder " + tree.resolve(rootModule) + " does not exist");
        }
    }

    /** The repository's own modules: {@code <repo>/terraform}, root {@code tenant}. */
    public static ModuleSource repository(Path repositoryRoot) {
        return new ModuleSource(repositoryRoot.resolve("terraform"), "tenant");
    }
}
