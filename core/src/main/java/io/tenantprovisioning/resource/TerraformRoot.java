package io.tenantprovisioning.resource;

import java.util.Arrays;
import java.util.Optional;

/**
 * The root modules shipped in terraform/: what a kind's {@link TerraformMapping} says each one creates.
 * The folder is relative to the repository root, as the terraform engine is told which root to apply.
 */
public enum TerraformRoot {
    /** Built-in {@code terraform_data} stand-ins only: its apply creates nothing outside the state. */
    PROVIDER_FREE("terraform/local"),
    /** The real providers (PostgreSQL, AWS, Pinecone, Grafana): its apply creates real resources. */
    PROVIDERS("terraform/tenant");

    private final String dir;

    TerraformRoot(String dir) {
        this.dir = dir;
    }

    public String dir() {
        return dir;
    }

    /** The shipped root in that folder (given as the engine is given it, e.g. {@code terraform/tenant}). */
    public static Optional<TerraformRoot> ofDir(String moduleDir) {
        String normalized = moduleDir.replace('\\', '/').replaceAll("/+$", "");
        return Arrays.stream(values()).filter(r -> r.dir.equals(normalized)).findFirst();
    }
}
