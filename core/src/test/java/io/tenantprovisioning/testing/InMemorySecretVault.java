package io.tenantprovisioning.testing;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.SecretVault;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A vault that keeps secrets in memory, for tests of code that only needs the {@link SecretVault} contract. */
public final class InMemorySecretVault implements SecretVault {

    private final Map<Slug, Map<String, Secret>> secrets = new ConcurrentHashMap<>();

    @Override
    public void put(Slug slug, String name, Secret value) {
        secrets.computeIfAbsent(slug, s -> new ConcurrentHashMap<>()).put(name, value);
    }

    @Override
    public Optional<Secret> get(Slug slug, String name) {
        return Optional.ofNullable(secrets.getOrDefault(slug, Map.of()).get(name));
    }

    @Override
    public Map<String, Secret> all(Slug slug) {
        return Map.copyOf(secrets.getOrDefault(slug, Map.of()));
    }

    @Override
    public void delete(Slug slug, String name) {
        Map<String, Secret> tenant = secrets.get(slug);
        if (tenant != null) {
            tenant.remove(name);
            if (tenant.isEmpty()) {
                secrets.remove(slug);
            }
        }
    }

    @Override
    public void deleteAll(Slug slug) {
        secrets.remove(slug);
    }

    @Override
    public Set<Slug> tenants() {
        return Set.copyOf(secrets.keySet());
    }
}
