package io.tenantprovisioning.resource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one kind meets the Terraform root modules.
 *
 * @param variables  the root variables the kind's part of {@link TerraformRoot#PROVIDERS} reads (its
 *                   {@code names} entries are the kind module's {@code terraformNames}); documentation that
 *                   the contract test holds against that root
 * @param outputs    the root outputs that describe the kind's resource, and the attribute or secret each one
 *                   becomes when Terraform created it ({@link TerraformCreated}); what feeds its configure phase
 * @param nameOutput the output naming the resource, which must equal the kind's own name for it whichever
 *                   root ran (both roots declare it); empty when no root names it
 * @param createdBy  the roots whose apply creates the resource: for these the create phase is Terraform's
 *                   apply and the driver only adopts; for the others the driver creates it
 */
public record TerraformMapping(Set<String> variables, List<OutputBinding> outputs, Optional<String> nameOutput,
                               Set<TerraformRoot> createdBy) {

    /** A kind no root module knows: the driver creates and configures it whatever the engine. */
    public static final TerraformMapping NONE = new TerraformMapping(Set.of(), List.of(), Optional.empty(), Set.of());

    public TerraformMapping {
        variables = Set.copyOf(variables);
        outputs = List.copyOf(outputs);
        createdBy = createdBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(createdBy));
        if (!createdBy.isEmpty() && outputs.isEmpty()) {
            throw new IllegalArgumentException("a kind Terraform creates must bind the outputs it is adopted from");
        }
    }

    public boolean createdBy(TerraformRoot root) {
        return createdBy.contains(root);
    }

    /**
     * One root output and what it becomes on the kind's side.
     *
     * @param output the output's name in the root module
     * @param key    the attribute or secret name ({@code postgres.password}), as the kind's driver reports it
     * @param secret true for a sensitive output: it becomes a secret, stored encrypted, never an attribute
     */
    public record OutputBinding(String output, String key, boolean secret) {

        public static OutputBinding attribute(String output, String key) {
            return new OutputBinding(output, key, false);
        }

        public static OutputBinding secret(String output, String key) {
            return new OutputBinding(output, key, true);
        }
    }
}
