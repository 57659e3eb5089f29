package io.tenantprovisioning.model;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Every tenant that holds at least one secret, read from the vault's own storage: the signing-key
     * driver's listManaged (the sweep) needs it to find keys no registry tenant owns. A vault that cannot
     * list says so loudly rather than reporting nothing.
     */
    default Set<Slug> tenants() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list the tenants it holds");
    }
}
