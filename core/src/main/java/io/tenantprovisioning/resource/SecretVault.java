package io.tenantprovisioning.resource;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant credentials at rest, encrypted (AES-GCM under TENANT_SECRETS_KEY). Names are the
 * prefixed keys of {@link CreatedResource#secrets()}, e.g. {@code postgres.password}.
 */
public interface SecretVault {

    void put(Slug slug, String name, Secret value);

    Optional<Secret> get(Slug slug, String name);

    /** Every secret of the tenant, by name. */
    Map<String, Secret> all(Slug slug);

    void delete(Slug slug, String name);

    void deleteAll(Slug slug);
}
