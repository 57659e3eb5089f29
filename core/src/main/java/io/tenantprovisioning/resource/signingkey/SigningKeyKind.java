package io.tenantprovisioning.resource.signingkey;

import io.tenantprovisioning.model.ResourceKind;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.IsolationProbeRef;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import java.util.Optional;

/**
 * The signing-key kind: the tenant's HS256 key and its tag marker in the encrypted vault, all in create (a
 * key has nothing to configure). No root module creates it: the key must never sit in Terraform state.
 */
public record SigningKeyKind() implements ResourceKindModule {

    /** The check that proves a token of tenant A is rejected for tenant B. */
    public static final String CHECK_ID = "jwt-authentication";

    @Override
    public ResourceKind kind() {
        return ResourceKind.SIGNING_KEY;
    }

    /** {@code tenant-acme-corp/signing-key}. */
    @Override
    public String name(Slug slug) {
        return slug.qualifiedName() + "/signing-key";
    }

    @Override
    public Optional<IsolationProbeRef> isolationProbe() {
        return Optional.of(new IsolationProbeRef(CHECK_ID, kind().stepName(),
                "a token of tenant A is rejected for tenant B"));
    }

    @Override
    public TerraformMapping terraform() {
        return TerraformMapping.NONE;
    }
}
