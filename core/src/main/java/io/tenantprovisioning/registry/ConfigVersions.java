package io.tenantprovisioning.registry;

import io.tenantprovisioning.cost.CostEstimate;
import io.tenantprovisioning.request.FieldChange;
import io.tenantprovisioning.tier.Tier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tenant_config_versions table: every version of each tenant's configuration, oldest first. */
public final class ConfigVersions {

    private static final String COLUMNS = "tenant_id, version, request_id, status, tier, tier_config, cost, changes, "
            + "changed_by, changed_by_source, note, created_at, updated_at";
    private static final String ONE_OPEN_INDEX = "tenant_config_versions_one_open";

    private final SqlScope scope;

    ConfigVersions(SqlScope scope) {
        this.scope = scope;
    }

    /** Every version of the tenant, oldest first; empty when it was never changed. */
    public List<ConfigVersion> forTenant(UUID tenantId) {
        return select("read configuration versions of tenant " + tenantId, "tenant_id = ? ORDER BY version",
                tenantId);
    }

    public Optional<ConfigVersion> byRequest(UUID requestId) {
        return select("find configuration version of request " + requestId, "request_id = ?", requestId).stream()
                .findFirst();
    }

    /** The version waiting for approval or to be applied, if any (at most one). */
    public Optional<ConfigVersion> open(UUID tenantId) {
        return select("find the open change of tenant " + tenantId,
                "tenant_id = ? AND status IN ('PENDING_APPROVAL', 'APPROVED')", tenantId).stream().findFirst();
    }

    /** The newest APPLIED version: the tenant's configuration now; empty when it was never changed. */
    public Optional<ConfigVersion> current(UUID tenantId) {
        return select("find the current configuration of tenant " + tenantId,
                "tenant_id = ? AND status = 'APPLIED' ORDER BY version DESC LIMIT 1", tenantId).stream().findFirst();
    }

    /**
     * Records a version; a second open version of the same tenant is refused
     * ({@link StateConflictException}) and records nothing.
     */
    public void insert(ConfigVersion v) {
        scope.run("record configuration version " + v.version() + " of tenant " + v.tenantId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant_config_versions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, v.tenantId());
                ps.setInt(2, v.version());
                ps.setObject(3, v.requestId());
                ps.setString(4, v.status().name());
                ps.setString(5, v.tier().name());
                ps.setString(6, Columns.toJson(v.tierConfig()));
                ps.setString(7, Columns.toJson(v.cost()));
                ps.setString(8, Columns.toJson(v.changes()));
                ps.setString(9, v.changedBy());
                ps.setString(10, v.changedBySource());
                ps.setString(11, v.note());
                Columns.setInstant(ps, 12, v.createdAt());
                Columns.setInstant(ps, 13, v.updatedAt());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (Columns.isUniqueViolation(e, ONE_OPEN_INDEX)) {
                    throw new StateConflictException("tenant " + v.tenantId() + " already has a change waiting for "
                            + "approval or to be applied; decide or apply it first");
                }
                throw e;
            }
        });
    }

    /**
     * Moves a version from one status to another; false, changing nothing, when it is not in {@code from}
     * (someone else moved it first).
     */
    public boolean updateStatus(UUID tenantId, int version, ConfigVersionStatus from, ConfigVersionStatus to,
                                String note) {
        return scope.run("change configuration version " + version + " of tenant " + tenantId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenant_config_versions SET status = ?, "
                    + "note = COALESCE(?, note), updated_at = ? WHERE tenant_id = ? AND version = ? AND status = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, note);
                Columns.setInstant(ps, 3, Columns.now());
                ps.setObject(4, tenantId);
                ps.setInt(5, version);
                ps.setString(6, from.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<ConfigVersion> select(String operation, String where, UUID value) {
        return scope.run(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenant_config_versions WHERE "
                    + where)) {
                ps.setObject(1, value);
                List<ConfigVersion> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static ConfigVersion row(ResultSet rs) throws SQLException {
        List<FieldChange> changes = new ArrayList<>();
        for (Map<String, String> change : Columns.mapList(rs.getString("changes"))) {
            changes.add(new FieldChange(change.get("field"), change.get("from"), change.get("to")));
        }
        Instant created = Columns.instant(rs, "created_at");
        return new ConfigVersion(Columns.uuid(rs, "tenant_id"), rs.getInt("version"), Columns.uuid(rs, "request_id"),
                ConfigVersionStatus.valueOf(rs.getString("status")), Tier.valueOf(rs.getString("tier")),
                StoredTierConfigs.read(rs.getString("tier_config")),
                Columns.fromJson(rs.getString("cost"), CostEstimate.class), changes, rs.getString("changed_by"),
                rs.getString("changed_by_source"), rs.getString("note"), created, Columns.instant(rs, "updated_at"));
    }
}
