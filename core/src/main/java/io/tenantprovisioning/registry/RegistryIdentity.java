package io.tenantprovisioning.registry;

import io.tenantprovisioning.model.RegistryId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** The registry's own identity (migration V6): one row, written by the migration, read-only after. */
public final class RegistryIdentity {

    private final SqlScope scope;

    RegistryIdentity(SqlScope scope) {
        this.scope = scope;
    }

    public RegistryId read() {
        return scope.run("read the registry's identity", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT registry_id FROM registry_identity");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new RegistryException("the registry has no identity row (migration V6 did not run?)");
                }
                return new RegistryId(rs.getObject(1, UUID.class));
            }
        });
    }
}
