package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformCreated;
import io.tenantprovisioning.resource.TerraformMapping.OutputBinding;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A root module's outputs read through the kinds' Terraform mappings: what each kind Terraform created is
 * adopted from, and a check that Terraform named every resource as the kind names it.
 */
final class TerraformAdoption {

    private final ResourceKinds kinds;
    private final TerraformOutputs outputs;
    private final Set<ResourceKind> createdByTerraform;

    TerraformAdoption(ResourceKinds kinds, TerraformOutputs outputs, Set<ResourceKind> createdByTerraform) {
        this.kinds = kinds;
        this.outputs = outputs;
        this.createdByTerraform = Set.copyOf(createdByTerraform);
    }

    /**
     * Fails when an output naming a kind's resource (both shipped roots declare them) differs from the
     * kind's own name for it: the driver would then create or adopt something Terraform does not manage.
     */
    void requireSameNames(Slug slug) throws ResourceException {
        for (ResourceKindModule module : kinds.all()) {
            Optional<String> output = module.terraform().nameOutput();
            Optional<OutputValue> value = output.flatMap(outputs::get);
            if (value.isPresent() && value.get() instanceof OutputValue.Plain plain && !plain.text().isEmpty()
                    && !plain.text().equals(module.name(slug))) {
                throw new ResourceException(module.kind().stepName() + ": Terraform output " + output.get() + " names '"
                        + plain.text() + "', but the kind names it '" + module.name(slug) + "'");
            }
        }
    }

    /** Every non-sensitive output as text. */
    Map<String, String> plainTexts() {
        return outputs.plainTexts();
    }

    /** The bound outputs of a kind Terraform created, under the kind's attribute and secret names. */
    TerraformCreated of(ResourceKind kind) throws ResourceException {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        try {
            for (OutputBinding binding : kinds.module(kind).terraform().outputs()) {
                if (binding.secret()) {
                    secrets.put(binding.key(), outputs.secret(binding.output()));
                } else {
                    attributes.put(binding.key(), outputs.text(binding.output()));
                }
            }
        } catch (TerraformException e) {
            throw new ResourceException(kind.stepName() + ": the root module's outputs do not match the kind's"
                    + " Terraform mapping: " + e.getMessage(), e);
        }
        return new TerraformCreated(attributes, secrets);
    }

    /**
     * Sensitive outputs no adopted kind takes as its own credential: the engine keeps these in the vault
     * under {@code terraform.<name>}. A bound one is stored once, under the kind's secret name.
     */
    Map<String, Secret> unboundSecrets() {
        Set<String> bound = new HashSet<>();
        for (ResourceKind kind : createdByTerraform) {
            kinds.module(kind).terraform().outputs().stream().filter(OutputBinding::secret)
                    .forEach(b -> bound.add(b.output()));
        }
        Map<String, Secret> unbound = new LinkedHashMap<>(outputs.secrets());
        unbound.keySet().removeAll(bound);
        return unbound;
    }
}
