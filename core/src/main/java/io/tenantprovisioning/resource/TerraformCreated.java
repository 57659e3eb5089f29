package io.tenantprovisioning.resource;

import io.tenantprovisioning.config.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * What a Terraform apply reported about one kind's resource: the root outputs the kind's
 * {@link TerraformMapping} binds, under the kind's own attribute and secret names. {@link #toString()}
 * shows secret names only.
 */
public record TerraformCreated(Map<String, String> attributes, Map<String, Secret> secrets) {

    public TerraformCreated {
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key)).filter(v -> !v.isEmpty());
    }

    public Optional<Secret> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    /** The attribute, or a failure naming the output the root module did not provide. */
    public String requireAttribute(String key) throws ResourceException {
        return attribute(key).orElseThrow(() -> new ResourceException("Terraform reported no " + key
                + "; the root module's outputs do not match the kind's Terraform mapping"));
    }

    /** The secret, or a failure naming it (never its value). */
    public Secret requireSecret(String key) throws ResourceException {
        return secret(key).orElseThrow(() -> new ResourceException("Terraform reported no " + key
                + " (a sensitive output); the root module's outputs do not match the kind's Terraform mapping"));
    }

    @Override
    public String toString() {
        return "TerraformCreated[attributes=" + attributes + ", secrets=" + secrets.keySet() + "]";
    }
}
