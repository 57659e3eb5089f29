package io.tenantprovisioning.registry;

import io.tenantprovisioning.request.Slug;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant_secrets table read for its timestamps only: the fleet report shows how old each
 * credential is without the key that opens the vault, and without ever selecting a sealed value.
 */
public final class SecretStamps {

    private final SqlScope scope;

    SecretStamps(SqlScope scope) {
        this.scope = scope;
    }

    /** Every secret of the given tenants, by slug then name; a tenant without secrets has no entry. */
    public Map<String, List<SecretStamp>> of(Collection<Slug> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        return scope.run("read the secrets' timestamps of " + slugs.size() + " tenants", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT slug, name, updated_at FROM tenant_secrets "
                    + "WHERE slug = ANY (?) ORDER BY slug, name")) {
                ps.setArray(1, c.createArrayOf("text", slugs.stream().map(Slug::value).toArray()));
                Map<String, List<SecretStamp>> stamps = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SecretStamp stamp = new SecretStamp(rs.getString("slug"), rs.getString("name"),
                                Columns.instant(rs, "updated_at"));
                        stamps.computeIfAbsent(stamp.slug(), s -> new ArrayList<>()).add(stamp);
                    }
                }
                stamps.replaceAll((slug, list) -> List.copyOf(list));
                return stamps;
            }
        });
    }
}
