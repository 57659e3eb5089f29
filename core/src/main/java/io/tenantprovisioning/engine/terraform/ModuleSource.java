package io.tenantprovisioning.engine.terraform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the Terraform code comes from: a folder tree ({@code tree}) and the root module inside it
 * ({@code rootModule}). The whole tree is copied, so a root's relative {@code source = "../modules/x"}
 * keeps working in the per-tenant copy.
 *
 * @param parts        folders under the root's {@value RootPart#PARTS_FOLDER}/ whose files join the root's
 *                     copy (the root composed for this deployment); empty: the root as it is
 * @param providerPins provider source ({@code hashicorp/aws}) → exact version, written as an override of the
 *                     root's {@code required_providers} (what the provider mirror holds)
 */
public record ModuleSource(Path tree, String rootModule, List<String> parts, Map<String, String> providerPins) {

    public ModuleSource {
        tree = tree.toAbsolutePath().normalize();
        if (rootModule == null || rootModule.isBlank() || Path.of(rootModule).isAbsolute()
                || Path.of(rootModule).normalize().startsWith("..")) {
            throw new IllegalArgumentException("root module '" + rootModule + "' must be a folder inside " + tree);
        }
        if (!Files.isDirectory(tree.resolve(rootModule))) {
            throw new IllegalArgumentException("root module folder " + tree.resolve(rootModule) + " does not exist");
        }
        parts = List.copyOf(parts);
        providerPins = Map.copyOf(providerPins);
        for (String part : parts) {
            if (!Files.isDirectory(tree.resolve(rootModule).resolve(RootPart.PARTS_FOLDER).resolve(part))) {
                throw new IllegalArgumentException("root part folder " + tree.resolve(rootModule)
                        .resolve(RootPart.PARTS_FOLDER).resolve(part) + " does not exist");
            }
        }
    }

    /** The root as it is, no parts added, no pins. */
    public ModuleSource(Path tree, String rootModule) {
        this(tree, rootModule, List.of(), Map.of());
    }

    /** The same root with other parts (those of an earlier run, which its state was written with). */
    public ModuleSource withParts(List<String> value) {
        return new ModuleSource(tree, rootModule, value, providerPins);
    }

    /** The repository's own modules: {@code <repo>/terraform}, root {@code tenant}. */
    public static ModuleSource repository(Path repositoryRoot) {
        return new ModuleSource(repositoryRoot.resolve("terraform"), "tenant");
    }
}
