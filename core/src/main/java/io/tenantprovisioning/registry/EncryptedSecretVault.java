package io.tenantprovisioning.registry;

import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.SecretCipher;
import io.tenantprovisioning.request.Slug;
import io.tenantprovisioning.model.SecretVault;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant secrets in the registry's tenant_secrets table, sealed with AES-GCM. The associated data
 * is {@code slug/name}, so a sealed value moved to another tenant or name no longer opens.
 */
public final class EncryptedSecretVault implements SecretVault {

    private final SqlScope scope;
    private final SecretCipher cipher;

    EncryptedSecretVault(SqlScope scope, SecretCipher cipher) {
        this.scope = scope;
        this.cipher = cipher;
    }

    @Override
    public void put(Slug slug, String name, Secret value) {
        requireName(name);
        byte[] sealed = cipher.seal(value, associatedData(slug, name));
        scope.run("store secret " + associatedData(slug, name), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant_secrets (slug, name, sealed, updated_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (slug, name) DO UPDATE SET sealed = EXCLUDED.sealed, "
                    + "updated_at = EXCLUDED.updated_at")) {
                ps.setString(1, slug.value());
                ps.setString(2, name);
                ps.setBytes(3, sealed);
                Columns.setInstant(ps, 4, Columns.now());
                ps.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Optional<Secret> get(Slug slug, String name) {
        requireName(name);
        return sealed(slug, Optional.of(name)).entrySet().stream().findFirst()
                .map(e -> cipher.open(e.getValue(), associatedData(slug, e.getKey())));
    }

    @Override
    public Map<String, Secret> all(Slug slug) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        sealed(slug, Optional.empty()).forEach((name, sealed) ->
                secrets.put(name, cipher.open(sealed, associatedData(slug, name))));
        return secrets;
    }

    @Override
    public void delete(Slug slug, String name) {
        requireName(name);
        remove(slug, Optional.of(name));
    }

    @Override
    public void deleteAll(Slug slug) {
        remove(slug, Optional.empty());
    }

    /** Every tenant that has at least one secret here (the signing-key driver's sweep reads this). */
    @Override
    public java.util.Set<Slug> tenants() {
        return scope.run("list tenants with secrets", c -> {
            java.util.Set<Slug> slugs = new java.util.LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT slug FROM tenant_secrets ORDER BY slug");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    slugs.add(Slug.of(rs.getString(1)));
                }
            }
            return slugs;
        });
    }

    private Map<String, byte[]> sealed(Slug slug, Optional<String> name) {
        return scope.run("read secrets of " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, sealed FROM tenant_secrets WHERE slug = ?"
                    + (name.isPresent() ? " AND name = ?" : "") + " ORDER BY name")) {
                ps.setString(1, slug.value());
                if (name.isPresent()) {
                    ps.setString(2, name.get());
                }
                Map<String, byte[]> rows = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString("name"), rs.getBytes("sealed"));
                    }
                }
                return rows;
            }
        });
    }

    private void remove(Slug slug, Optional<String> name) {
        scope.run("delete secrets of " + slug, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tenant_secrets WHERE slug = ?"
                    + (name.isPresent() ? " AND name = ?" : ""))) {
                ps.setString(1, slug.value());
                if (name.isPresent()) {
                    ps.setString(2, name.get());
                }
                ps.executeUpdate();
                return null;
            }
        });
    }

    private static String associatedData(Slug slug, String name) {
        return slug.value() + "/" + name;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tenant secret needs a name, e.g. postgres.password");
        }
    }
}
