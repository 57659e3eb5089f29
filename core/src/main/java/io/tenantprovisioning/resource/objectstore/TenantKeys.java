package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.resource.ResourceException;
import io.tenantprovisioning.resource.credential.CredentialProbe;
import java.util.List;

/**
 * The access keys of a tenant's object-store identity, for rotation: a store that lets one identity
 * hold two keys at once (S3's IAM users hold up to two) issues the new key beside the old one, so the
 * old keeps working until the new one is proven and recorded.
 */
public interface TenantKeys {

    /** The ids of every key the tenant's identity holds now. */
    List<String> keyIds(Slug slug) throws ResourceException;

    /** A new key beside the existing ones (fails when the identity already holds the most it may). */
    TenantObjectCredentials issue(Slug slug) throws ResourceException;

    /** Deletes one key; a key that is already gone is the goal state. */
    void revoke(Slug slug, String accessKeyId) throws ResourceException;

    /** Lists the tenant's own bucket with exactly these credentials. */
    CredentialProbe probe(TenantObjectCredentials credentials);
}
